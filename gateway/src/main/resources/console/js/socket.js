// A session's task events over the websocket /v1/ws. Unlike the SSE stream (whose response starts
// only with its first event), the socket says "subscribed" once the gateway follows the session, so
// a page can read the task list after that and miss no change. Once the gateway says "ready", a ping
// (sent again each second until a pong comes) confirms it takes commands; then the key goes as a message.
import { currentKey } from './auth.js';

const RETRY_MS = 1000;

/**
 * Follows a session: onSubscribed() each time the gateway follows it (again after a reconnect),
 * onEvent({id, event, data}) for each status change (event = the new status), onError(Error) on a
 * refusal (then it stops). Returns a function that stops following.
 */
export function followSocket(sessionId, { onEvent, onSubscribed = () => {}, onError = () => {} }) {
  let socket = null;
  let last = null;
  let stopped = false;

  function connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/ws`;
    socket = new WebSocket(url);
    let pinging = null;
    socket.onmessage = (message) => {
      const reply = JSON.parse(message.data);
      if (reply.op === 'ready') {
        const ping = () => socket.send(JSON.stringify({ op: 'ping', requestId: 'ping' }));
        ping();
        pinging = setInterval(ping, RETRY_MS);
      } else if (reply.op === 'pong') {
        if (pinging === null) return;
        clearInterval(pinging);
        pinging = null;
        socket.send(JSON.stringify({ op: 'auth', requestId: 'auth', key: currentKey() }));
      } else if (reply.op === 'authenticated') {
        socket.send(JSON.stringify({ op: 'subscribe', requestId: 'follow', sessionId, lastEventId: last || undefined }));
      } else if (reply.op === 'subscribed') {
        onSubscribed();
      } else if (reply.op === 'event') {
        last = reply.id;
        onEvent({ id: reply.id, event: reply.event.to, data: reply.event });
      } else if (reply.op === 'error') {
        const problem = reply.error || {};
        onError(new Error(problem.field ? `${problem.field}: ${problem.detail}` : problem.detail || 'the event socket failed'));
        stopped = true;
        socket.close();
      }
    };
    socket.onclose = () => {
      if (pinging !== null) clearInterval(pinging);
      if (!stopped) setTimeout(connect, RETRY_MS);
    };
  }

  connect();
  return () => {
    stopped = true;
    if (socket) socket.close();
  };
}
