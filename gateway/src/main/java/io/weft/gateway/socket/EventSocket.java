package io.weft.gateway.socket;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.KeyService;
import io.weft.gateway.auth.Scope;
import io.weft.gateway.service.CallbackExecutor;
import io.weft.gateway.service.EventService;
import io.weft.gateway.service.TaskService;
import io.weft.gateway.wire.EventView;
import io.weft.gateway.wire.LogEventView;
import io.weft.gateway.wire.SocketCommand;
import io.weft.gateway.wire.SocketReply;
import io.weft.gateway.wire.SubmitRequest;
import io.weft.gateway.wire.SubmitResponse;
import io.weft.model.InvalidValueException;
import io.weft.model.task.Task;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * {@code /v1/ws}: a session's events over a websocket, and task submission on the same socket. The
 * key comes with the upgrade request (as for every route) or, for browsers, which cannot set headers
 * on a websocket, as the first message {@code {"op":"auth","key":…}}, never in the URL. Events are the
 * SSE stream's (task changes and log lines), with the same ids and the same resume from
 * {@code lastEventId}.
 */
@ServerWebSocket("/v1/ws")
public class EventSocket {

    private static final Logger LOG = LoggerFactory.getLogger(EventSocket.class);
    private static final String CALLER = "weft.caller";
    private static final String SUBSCRIPTIONS = "weft.subscriptions";

    private final KeyService keys;
    private final EventService events;
    private final TaskService tasks;
    private final JsonMapper json;
    private final CallbackExecutor executor;

    public EventSocket(KeyService keys, EventService events, TaskService tasks, JsonMapper json, CallbackExecutor executor) {
        this.keys = keys;
        this.events = events;
        this.tasks = tasks;
        this.json = json;
        this.executor = executor;
    }

    /**
     * Says {@code ready} once the socket takes commands: a client that sends before that may, while
     * the upgrade completes, lose its first frames, so clients wait for it. A client that must know its
     * commands arrive sends {@code ping} (again, if no {@code pong} comes within a second) before them:
     * a fresh gateway was seen, rarely, to answer nothing to the first frame after {@code ready}.
     */
    @OnOpen
    public void open(WebSocketSession socket, HttpRequest<?> request) {
        request.getAttribute(Caller.ATTRIBUTE, Caller.class).ifPresent(caller -> socket.put(CALLER, caller));
        socket.put(SUBSCRIPTIONS, new ConcurrentHashMap<String, Disposable>());
        send(socket, SocketReply.ack("ready", null, null));
    }

    /** Commands touch the grid, so they run off the event loop, one socket's in the order they came. */
    @OnMessage
    public void message(String text, WebSocketSession socket) {
        SocketCommand command;
        try {
            command = json.readValue(text, SocketCommand.class);
        } catch (IOException | RuntimeException e) {
            send(socket, SocketReply.error(null, SocketProblems.of(HttpStatus.BAD_REQUEST,
                    "a message must be a JSON object with an \"op\"", "body")));
            return;
        }
        executor.execute(() -> {
            synchronized (socket) {
                try {
                    handle(command, socket);
                } catch (RuntimeException e) {
                    if (SocketProblems.of(e).status() == 500) {
                        LOG.error("websocket command {} failed", command.op(), e);
                    }
                    send(socket, SocketReply.error(command.requestId(), SocketProblems.of(e)));
                }
            }
        });
    }

    @OnClose
    public void close(WebSocketSession socket) {
        subscriptions(socket).values().forEach(Disposable::dispose);
    }

    private void handle(SocketCommand command, WebSocketSession socket) {
        String op = command.op() == null ? "" : command.op();
        switch (op) {
            case "auth" -> authenticate(command, socket);
            case "ping" -> send(socket, SocketReply.ack("pong", command.requestId(), null));
            case "subscribe" -> {
                Caller caller = require(socket, Scope.READ);
                subscribe(caller, command.sessionId(), command.lastEventId(), socket);
                send(socket, SocketReply.ack("subscribed", command.requestId(), command.sessionId()));
            }
            case "unsubscribe" -> {
                require(socket, Scope.READ);
                Disposable subscription = subscriptions(socket).remove(String.valueOf(command.sessionId()));
                if (subscription != null) {
                    subscription.dispose();
                }
                send(socket, SocketReply.ack("unsubscribed", command.requestId(), command.sessionId()));
            }
            case "submit" -> submit(command, socket);
            default -> throw new InvalidValueException("op", "must be auth, ping, subscribe, unsubscribe or submit; got '" + op + "'");
        }
    }

    private void authenticate(SocketCommand command, WebSocketSession socket) {
        Caller caller = keys.authenticate(command.key()).orElse(null);
        if (caller == null) {
            send(socket, SocketReply.error(command.requestId(), SocketProblems.of(HttpStatus.UNAUTHORIZED,
                    "unknown or revoked key", "key")));
            return;
        }
        socket.put(CALLER, caller);
        send(socket, SocketReply.ack("authenticated", command.requestId(), null));
    }

    /**
     * Subscribes before submitting, so no change of the new tasks can pass between the two; a session
     * already followed is not followed twice.
     */
    private void submit(SocketCommand command, WebSocketSession socket) {
        Caller caller = require(socket, Scope.SUBMIT);
        if (!subscriptions(socket).containsKey(String.valueOf(command.sessionId()))) {
            subscribe(caller, command.sessionId(), null, socket);
        }
        List<Task> stored = tasks.submit(caller, command.sessionId(), new SubmitRequest(command.tasks()));
        send(socket, SocketReply.submitted(command.requestId(), command.sessionId(),
                stored.stream().map(t -> new SubmitResponse.Submitted(t.id(), t.status().name())).toList()));
    }

    private void subscribe(Caller caller, String sessionId, String lastEventId, WebSocketSession socket) {
        if (sessionId == null) {
            throw new InvalidValueException("sessionId", "is required");
        }
        Map<String, Disposable> subscriptions = subscriptions(socket);
        Disposable previous = subscriptions.remove(sessionId);
        if (previous != null) {
            previous.dispose();
        }
        Disposable subscription = events.streamWithLogs(caller, sessionId, lastEventId).subscribe(
                event -> send(socket, event.getData() instanceof LogEventView line
                        ? SocketReply.log(line) : SocketReply.event((EventView) event.getData())),
                error -> send(socket, SocketReply.error(null, SocketProblems.of(error))));
        subscriptions.put(sessionId, subscription);
    }

    private Caller require(WebSocketSession socket, Scope scope) {
        Caller caller = socket.get(CALLER, Caller.class).orElse(null);
        if (caller == null) {
            throw new SocketAuthException(HttpStatus.UNAUTHORIZED,
                    "send {\"op\":\"auth\",\"key\":…} first, or open the socket with an API key header");
        }
        if (!caller.has(scope)) {
            throw new SocketAuthException(HttpStatus.FORBIDDEN, "this key lacks the '" + scope.wire() + "' scope");
        }
        return caller;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Disposable> subscriptions(WebSocketSession socket) {
        return socket.get(SUBSCRIPTIONS, Map.class).orElse(Map.of());
    }

    private void send(WebSocketSession socket, SocketReply reply) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendAsync(json.writeValueAsString(reply)).whenComplete((sent, error) -> {
                // A frame the socket refused is otherwise silent: the client waits for an answer that never comes.
                if (error != null && socket.isOpen()) {
                    LOG.warn("a websocket {} frame was not sent", reply.op(), error);
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot write a websocket reply", e);
        }
    }
}
