// A session's Server-Sent Events, read with fetch() so that the key travels as a header (EventSource
// cannot send one, and the key must not go in the URL). Reconnects with Last-Event-ID after a break.
import { currentKey } from './auth.js';

const RETRY_MS = 1000;

/**
 * Follows /v1/sessions/{sid}/events. onEvent gets {id, event, data}; data is parsed JSON. onOpen is
 * called when the response starts, which the gateway does at once (its first line is the comment
 * ": connected", which read() skips).
 * onError gets an Error when the gateway refuses (then it stops: retrying a 401 or 404 is useless).
 * Returns a function that stops following.
 */
export function follow(sessionId, { lastEventId = null, onEvent, onOpen = () => {}, onError = () => {} }) {
  const controller = new AbortController();
  let last = lastEventId;
  let stopped = false;

  async function connect() {
    while (!stopped) {
      try {
        const headers = { 'X-API-Key': currentKey(), Accept: 'text/event-stream' };
        if (last) headers['Last-Event-ID'] = last;
        const response = await fetch(`/v1/sessions/${encodeURIComponent(sessionId)}/events`,
          { headers, signal: controller.signal });
        if (!response.ok) {
          const problem = await response.json().catch(() => ({}));
          onError(new Error(problem.detail || `events: HTTP ${response.status}`));
          return;
        }
        onOpen();
        await read(response.body, (message) => {
          if (message.id) last = message.id;
          onEvent(message);
        });
      } catch (e) {
        if (stopped) return;
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

/** Splits the stream into messages: lines of "field: value", a blank line ends a message. */
async function read(body, deliver) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let message = { id: null, event: 'message', data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (message.data.length) deliver({ id: message.id, event: message.event, data: parse(message.data.join('\n')) });
        message = { id: null, event: 'message', data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') message.data.push(text);
      else if (field === 'id') message.id = text;
      else if (field === 'event') message.event = text;
    }
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (ignored) {
    return text;
  }
}

export const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
