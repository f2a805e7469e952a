package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A client of a quiet session's events sees the stream open at once, read byte by byte off a raw socket. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamOpensApiTest implements GatewayTest {

    /** Far more than sending headers takes, far less than a quiet session stays quiet. */
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(5);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.port", String.valueOf(FreePort.onLoopback()));
    }

    @Test
    void quietSessionsStreamSendsItsHeadersAndAConnectedCommentAtOnce() throws IOException {
        String session = new Api(http, ADMIN_KEY).post("/v1/sessions", "{\"name\": \"quiet\"}").json().path("id").asText();

        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout((int) OPEN_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/sessions/" + session + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + ADMIN_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String seen = readUntil(socket.getInputStream(), ": connected\n");

            assertThat(seen).startsWith("HTTP/1.1 200");
            assertThat(seen.toLowerCase()).contains("content-type: text/event-stream");
            assertThat(seen).contains(": connected\n");
        }
    }

    /** What the server sent until {@code marker}; a read that waits past the socket's timeout fails the test. */
    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        try {
            int b;
            while (!seen.toString().contains(marker) && (b = in.read()) != -1) {
                seen.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing more within " + OPEN_WITHIN + "; the stream sent only: " + seen, e);
        }
        return seen.toString();
    }
}
