package io.weft.gateway.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (one node and the gateway in one process, as {@code java -jar weft-gateway.jar}
 * runs it) stopped and started again on the same data folder keeps what it accepted: a key (and a
 * revoked one stays revoked), a session, a schedule, a 64 MiB result with the same SHA-256, and a
 * delayed task that runs after the restart, no earlier than its time.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class EmbeddedRestartTest {

    private static final String ADMIN = "admin-" + UUID.randomUUID().toString().replace("-", "");
    private static final int RESULT_MB = 64;
    private static final Duration START_LIMIT = Duration.ofSeconds(150);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int httpPort = freePort();
    private final int memberPort = freePort();
    private Process gateway;
    private Path log;

    @AfterEach
    void stop() throws Exception {
        stopGracefully();
    }

    @Test
    void whatWasAcceptedSurvivesAStopAndAStartOnTheSameDataFolder() throws Exception {
        start();
        JsonNode key = post(ADMIN, "/v1/keys", "{\"name\": \"ci\", \"scopes\": [\"submit\", \"read\"]}");
        String secret = key.path("secret").asText();
        JsonNode revoked = post(ADMIN, "/v1/keys", "{\"name\": \"old\", \"scopes\": [\"read\"]}");
        assertThat(send(ADMIN, HttpRequest.newBuilder(uri("/v1/keys/" + revoked.path("id").asText())).DELETE()).statusCode())
                .isBetween(200, 204);
        String session = post(secret, "/v1/sessions", "{\"name\": \"kept\"}").path("id").asText();
        String schedule = post(secret, "/v1/schedules", "{\"sessionId\": \"" + session + "\", \"every\": \"PT1H\","
                + " \"task\": {\"type\": \"echo\", \"input\": {}}}").path("id").asText();
        String result = post(secret, "/v1/sessions/" + session + "/results",
                "{\"name\": \"big.bin\", \"contentType\": \"application/octet-stream\", \"ttl\": \"PT1H\"}").path("id").asText();
        byte[] data = new byte[RESULT_MB << 20];
        new Random(7).nextBytes(data);
        HttpResponse<String> upload = send(secret, HttpRequest.newBuilder(uri("/v1/results/" + result + "/data"))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
        assertThat(upload.statusCode()).as(upload.body()).isBetween(200, 204);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        JsonNode delayed = post(secret, "/v1/sessions/" + session + "/tasks",
                "{\"tasks\": [{\"type\": \"echo\", \"input\": {\"late\": true}, \"options\": {\"delay\": \"PT40S\"}}]}")
                .path("tasks").get(0);
        String task = delayed.path("id").asText();
        Instant dueAt = Instant.parse(get(secret, "/v1/tasks/" + task).path("createdAt").asText()).plusSeconds(40);

        stopGracefully();
        start();

        assertThat(get(secret, "/v1/sessions/" + session).path("name").asText()).isEqualTo("kept");
        assertThat(send(revoked.path("secret").asText(), HttpRequest.newBuilder(uri("/v1/sessions")).GET()).statusCode())
                .as("a revoked key stays revoked").isEqualTo(401);
        assertThat(get(secret, "/v1/schedules/" + schedule).path("state").asText()).isEqualTo("ACTIVE");
        HttpResponse<InputStream> download = http.send(request(secret, "/v1/results/" + result + "/data").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.update(buffer, 0, n);
            }
        }
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sha256);
        JsonNode ran = awaitEnded(secret, task, Duration.ofSeconds(90));
        assertThat(ran.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Instant.parse(ran.path("startedAt").asText())).isAfterOrEqualTo(dueAt);
    }

    private void start() throws Exception {
        log = Files.createTempFile("embedded-restart", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlogback.configurationFile=logback.xml", "-Dhazelcast.local.localAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), "io.weft.gateway.GatewayMain")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("WEFT_MEMBERS");
        builder.environment().putAll(Map.of("WEFT_STORE", "file", "WEFT_DATA_DIR", dataDir.toString(),
                "WEFT_HTTP_PORT", String.valueOf(httpPort), "WEFT_PORT", String.valueOf(memberPort),
                "WEFT_METRICS_PORT", "0", "WEFT_ADMIN_KEY", ADMIN,
                "WEFT_CLUSTER_NAME", "embedded-restart-" + UUID.randomUUID().toString().substring(0, 8)));
        gateway = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ready()) {
            assertThat(gateway.isAlive()).as("gateway alive; log: %s", tail()).isTrue();
            assertThat(System.nanoTime()).as("ready within %s; log: %s", START_LIMIT, tail()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** SIGTERM, as an operator stops it: the write-behind queues are flushed before it leaves. */
    private void stopGracefully() throws Exception {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
        gateway = null;
    }

    private JsonNode awaitEnded(String key, String task, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode node = get(key, "/v1/tasks/" + task);
            String status = node.path("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")
                    || System.nanoTime() > deadline) {
                return node;
            }
            Thread.sleep(250);
        }
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String key, String path) throws Exception {
        HttpResponse<String> response = send(key, HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private JsonNode post(String key, String path, String json) throws Exception {
        HttpResponse<String> response = send(key, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 201);
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> send(String key, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String key, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
