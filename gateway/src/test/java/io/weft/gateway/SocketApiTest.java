package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /v1/ws}: a session's events and task submission on one websocket. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketApiTest implements GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    Api api;
    String session;

    @BeforeEach
    void aFreshSession() {
        api = new Api(http, ADMIN_KEY);
        session = api.post("/v1/sessions", "{\"name\": \"socket\"}").json().path("id").asText();
    }

    @Test
    void taskSubmittedOnTheSocketReportsEachOfItsChangesOnTheSameSocket() throws Exception {
        try (Socket socket = open(ADMIN_KEY)) {
            socket.send("{\"op\": \"submit\", \"requestId\": \"r1\", \"sessionId\": \"" + session
                    + "\", \"tasks\": [{\"type\": \"echo\", \"input\": {\"x\": 1}}]}");

            JsonNode submitted = socket.next(m -> m.path("op").asText().equals("submitted"));
            assertThat(submitted.path("requestId").asText()).isEqualTo("r1");
            String taskId = submitted.path("tasks").path(0).path("id").asText();
            JsonNode succeeded = socket.next(m -> m.path("op").asText().equals("event")
                    && m.path("event").path("taskId").asText().equals(taskId)
                    && m.path("event").path("to").asText().equals("SUCCEEDED"));
            assertThat(succeeded.path("id").asText()).startsWith(taskId + ":");
            assertThat(api.get("/v1/tasks/" + taskId).json().path("status").asText()).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void logLinesOfTheSessionsTasksArriveOnTheSocket() throws Exception {
        try (Socket socket = open(ADMIN_KEY)) {
            socket.send("{\"op\": \"submit\", \"requestId\": \"r\", \"sessionId\": \"" + session
                    + "\", \"tasks\": [{\"type\": \"say\", \"input\": {\"lines\": [\"first line\", \"second line\"]}}]}");
            String taskId = socket.next(m -> m.path("op").asText().equals("submitted")).path("tasks").path(0).path("id").asText();

            JsonNode first = socket.next(m -> m.path("op").asText().equals("log")
                    && m.path("log").path("text").asText().equals("first line"));
            JsonNode second = socket.next(m -> m.path("op").asText().equals("log")
                    && m.path("log").path("text").asText().equals("second line"));
            assertThat(first.path("log").path("taskId").asText()).isEqualTo(taskId);
            assertThat(first.path("sessionId").asText()).isEqualTo(session);
            assertThat(second.path("log").path("sequence").asLong()).isGreaterThan(first.path("log").path("sequence").asLong());
        }
    }

    @Test
    void socketOpenedWithoutAKeyTakesItAsItsFirstMessage() throws Exception {
        try (Socket socket = open(null)) {
            socket.send("{\"op\": \"subscribe\", \"requestId\": \"early\", \"sessionId\": \"" + session + "\"}");
            JsonNode refused = socket.next(m -> m.path("requestId").asText().equals("early"));
            assertThat(refused.path("op").asText()).isEqualTo("error");
            assertThat(refused.path("error").path("status").asInt()).isEqualTo(401);

            socket.send("{\"op\": \"auth\", \"requestId\": \"a\", \"key\": \"" + ADMIN_KEY + "\"}");
            assertThat(socket.next(m -> m.path("requestId").asText().equals("a")).path("op").asText()).isEqualTo("authenticated");
            socket.send("{\"op\": \"subscribe\", \"requestId\": \"s\", \"sessionId\": \"" + session + "\"}");
            assertThat(socket.next(m -> m.path("requestId").asText().equals("s")).path("op").asText()).isEqualTo("subscribed");
        }
    }

    @Test
    void readOnlyKeyMayFollowButNotSubmit() throws Exception {
        String reader = api.post("/v1/keys", "{\"name\": \"reader\", \"scopes\": [\"read\"]}").json().path("secret").asText();
        String readersSession = api.as(reader).post("/v1/sessions", "{\"name\": \"theirs\"}").json().path("id").asText();
        try (Socket socket = open(reader)) {
            socket.send("{\"op\": \"submit\", \"requestId\": \"x\", \"sessionId\": \"" + readersSession
                    + "\", \"tasks\": [{\"type\": \"echo\", \"input\": 1}]}");

            JsonNode refused = socket.next(m -> m.path("requestId").asText().equals("x"));
            assertThat(refused.path("error").path("status").asInt()).isEqualTo(403);
        }
    }

    @Test
    void anotherKeysSessionIsUnknownOnTheSocket() throws Exception {
        String other = api.post("/v1/keys", "{\"name\": \"other\", \"scopes\": [\"read\", \"submit\"]}").json().path("secret").asText();
        try (Socket socket = open(other)) {
            socket.send("{\"op\": \"subscribe\", \"requestId\": \"s\", \"sessionId\": \"" + session + "\"}");

            assertThat(socket.next(m -> m.path("requestId").asText().equals("s")).path("error").path("status").asInt())
                    .isEqualTo(404);
        }
    }

    @Test
    void badMessagesAreAnsweredWithAProblemNamingTheField() throws Exception {
        try (Socket socket = open(ADMIN_KEY)) {
            socket.send("not json");
            assertThat(socket.next(m -> m.path("op").asText().equals("error")).path("error").path("status").asInt())
                    .isEqualTo(400);
            socket.send("{\"op\": \"dance\", \"requestId\": \"d\"}");
            assertThat(socket.next(m -> m.path("requestId").asText().equals("d")).path("error").path("field").asText())
                    .isEqualTo("op");
            socket.send("{\"op\": \"submit\", \"requestId\": \"t\", \"sessionId\": \"" + session
                    + "\", \"tasks\": [{\"type\": \"sleep\", \"input\": {\"ms\": \"long\"}}]}");
            assertThat(socket.next(m -> m.path("requestId").asText().equals("t")).path("error").path("field").asText())
                    .isEqualTo("tasks[0].input.ms");
        }
        assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items")).isEmpty();
    }

    private Socket open(String key) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.getPort() + "/v1/ws");
        Socket socket = new Socket();
        WebSocket.Builder builder = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder();
        if (key != null) {
            builder.header("X-API-Key", key);
        }
        socket.socket = builder.buildAsync(uri, socket).get(10, TimeUnit.SECONDS);
        // As a client should: commands only once the gateway says the socket takes them, and once a
        // ping has come back (a fresh gateway once answered nothing to the first frame after ready).
        socket.next(m -> m.path("op").asText().equals("ready"));
        for (int ping = 0; ; ping++) {
            socket.send("{\"op\": \"ping\", \"requestId\": \"ping-" + ping + "\"}");
            String id = "ping-" + ping;
            if (socket.next(m -> m.path("requestId").asText().equals(id), Duration.ofSeconds(2)) != null) {
                return socket;
            }
            assertThat(ping).as("pings without a pong").isLessThan(10);
        }
    }

    /** A websocket whose text messages queue up for the test to read, each within a bounded wait. */
    private static final class Socket implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final List<JsonNode> passedOver = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        void send(String text) {
            socket.sendText(text, true).join();
        }

        /**
         * As {@link #next(Predicate, Duration)}, failing after 60 s. The first answer of a fresh
         * gateway loads its JSON codecs: seconds on a loaded machine (20 s was once not enough).
         */
        JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
            JsonNode message = next(wanted, Duration.ofSeconds(60));
            if (message == null) {
                throw new AssertionError("no matching message within 60 s");
            }
            return message;
        }

        /**
         * The first message not yet taken that matches, waiting up to {@code limit} for it, or
         * {@code null}. Messages passed over stay for later calls: a task's events may come before the
         * reply to the command that submitted it.
         */
        JsonNode next(Predicate<JsonNode> wanted, Duration limit) throws InterruptedException {
            for (Iterator<JsonNode> it = passedOver.iterator(); it.hasNext(); ) {
                JsonNode message = it.next();
                if (wanted.test(message)) {
                    it.remove();
                    return message;
                }
            }
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message == null) {
                    continue;
                }
                if (wanted.test(message)) {
                    return message;
                }
                passedOver.add(message);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
