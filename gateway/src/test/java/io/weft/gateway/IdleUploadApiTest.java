package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.embedded.Grid;
import io.weft.model.grid.GridNames;
import io.weft.model.result.ChunkKey;
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

/** Request bodies under {@code WEFT_HTTP_IDLE=PT2S}, sent by hand over a raw socket. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleUploadApiTest implements GatewayTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    /** Long enough for the idle time, the check's own delay and a loaded machine; far shorter than a hang. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(20);
    private static final int MIB = 1 << 20;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Grid grid;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.port", String.valueOf(FreePort.onLoopback()), "weft.http-idle", IDLE.toString());
    }

    @Test
    void uploadThatStallsIsCutOffAndKeepsNoByteAndCanBeUploadedAgain() throws IOException {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"stalled\"}").json().path("id").asText();
        String result = api.post("/v1/sessions/" + session + "/results",
                "{\"name\": \"big.bin\", \"contentType\": \"application/octet-stream\", \"ttl\": \"PT1H\"}").json().path("id").asText();

        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v1/results/" + result + "/data HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN_KEY
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + 10 * MIB + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[MIB]);
            out.flush();
            long sentAt = System.nanoTime();

            assertClosedByTheServer(socket.getInputStream());

            assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).as("not before the idle time").isGreaterThanOrEqualTo(IDLE);
        }

        IMap<String, byte[]> chunks = grid.hazelcast().getMap(GridNames.CHUNKS);
        await().atMost(CLOSED_WITHIN).until(() -> !chunks.containsKey(ChunkKey.of(result, 0)));
        Api.Reply meta = api.get("/v1/results/" + result);
        assertThat(meta.json().path("status").asText()).isEqualTo("CREATED");
        assertThat(meta.json().path("size").asLong()).isZero();
        Api.Reply again = api.send(io.micronaut.http.HttpRequest.PUT("/v1/results/" + result + "/data", new byte[MIB])
                .contentType("application/octet-stream"));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(again.json().path("size").asLong()).isEqualTo(MIB);
    }

    @Test
    void jsonBodyThatStallsIsCutOffAndCreatesNothing() throws IOException {
        Api api = new Api(http, ADMIN_KEY);
        int before = api.get("/v1/sessions?limit=1000").json().path("items").size();

        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\": ").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertClosedByTheServer(socket.getInputStream());
        }

        assertThat(api.get("/v1/sessions?limit=1000").json().path("items").size()).isEqualTo(before);
    }

    @Test
    void quietEventStreamOutlivesTheIdleTime() throws Exception {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"quiet\"}").json().path("id").asText();

        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.getOutputStream().write(("GET /v1/sessions/" + session + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + ADMIN_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(IDLE.multipliedBy(2).toMillis());
            String task = api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [{\"type\": \"echo\", \"input\": 1}]}")
                    .json().path("tasks").path(0).path("id").asText();

            socket.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            StringBuilder seen = new StringBuilder();
            InputStream in = socket.getInputStream();
            int b;
            while (!seen.toString().contains(task) && (b = in.read()) != -1) {
                seen.append((char) b);
            }
            assertThat(seen.toString()).contains(task);
        }
    }

    /** Reads until the server closes the connection; anything it answers first is fine, waiting past the bound is not. */
    private static void assertClosedByTheServer(InputStream in) throws IOException {
        try {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) != -1) {
                // an answer before the close, if any, is read past
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the gateway kept the stalled connection open for " + CLOSED_WITHIN, e);
        } catch (IOException reset) {
            // A reset is a close too.
        }
    }
}
