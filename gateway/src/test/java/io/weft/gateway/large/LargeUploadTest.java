package io.weft.gateway.large;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A result larger than the gateway's whole heap goes up and comes back through it: the gateway runs in
 * a JVM of its own capped at {@value #GATEWAY_HEAP_MB} MiB (and exits on an OutOfMemoryError), a client
 * of a storage node in this JVM. CI sends {@value #DEFAULT_MB} MiB; 1 GiB, with a test JVM big enough to
 * store it: {@code mvn -B -pl gateway -am test -Dtest=LargeUploadTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dweft.large.gateway.mb=1024 -Dweft.test.heap=4g}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LargeUploadTest {

    private static final int GATEWAY_HEAP_MB = 128;
    private static final int DEFAULT_MB = 192;
    private static final int BLOCK = 1 << 20;
    private static final String KEY = "large-" + UUID.randomUUID().toString().replace("-", "");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private WeftNode storage;
    private Process gateway;
    private Path gatewayLog;
    private String base;

    @BeforeAll
    void aStorageNodeAndAGatewayWithASmallHeap() throws Exception {
        String cluster = "large-gw-" + UUID.randomUUID().toString().substring(0, 8);
        storage = WeftNode.start(NodeSettings.builder().clusterName(cluster).metricsPort(0).members(List.of("127.0.0.1")).build());
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        gatewayLog = Files.createTempFile("large-gateway", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + GATEWAY_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                "io.weft.gateway.GatewayMain")
                .redirectErrorStream(true).redirectOutput(gatewayLog.toFile());
        builder.environment().putAll(java.util.Map.of("WEFT_CLUSTER_NAME", cluster,
                "WEFT_MEMBERS", "127.0.0.1:" + storage.hazelcast().getCluster().getLocalMember().getAddress().getPort(),
                "WEFT_HTTP_PORT", String.valueOf(port), "WEFT_ADMIN_KEY", KEY));
        gateway = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ready()) {
            assertThat(gateway.isAlive()).as("gateway alive; log: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("gateway ready within %s; log: %s", START_LIMIT, log()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
        if (storage != null) {
            storage.shutdown();
        }
    }

    @Test
    void resultLargerThanTheGatewaysHeapGoesUpAndComesBackIntact() throws Exception {
        int megabytes = Integer.getInteger("weft.large.gateway.mb", DEFAULT_MB);
        long size = (long) megabytes * BLOCK;
        String session = post("/v1/sessions", "{\"name\": \"large\"}").path("id").asText();
        String result = post("/v1/sessions/" + session + "/results",
                "{\"name\": \"big.bin\", \"contentType\": \"application/octet-stream\", \"ttl\": \"PT1H\"}").path("id").asText();

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> upload = http.send(request("/v1/results/" + result + "/data")
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new DigestInputStream(blocks(megabytes), sent)), size)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as("upload: %s; gateway log: %s", upload.body(), log()).isBetween(200, 204);

        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        HttpResponse<InputStream> download = http.send(request("/v1/results/" + result + "/data").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        try (InputStream in = new DigestInputStream(download.body(), received)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                count += n;
            }
        }

        String expected = HexFormat.of().formatHex(sent.digest());
        assertThat(count).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(expected);
        JsonNode meta = get("/v1/results/" + result);
        assertThat(meta.path("size").asLong()).isEqualTo(size);
        assertThat(meta.path("sha256").asText()).isEqualTo(expected);
        assertThat(gateway.isAlive()).as("the gateway outlived it within %d MiB of heap; log: %s", GATEWAY_HEAP_MB, log()).isTrue();
    }

    /** {@code megabytes} blocks of 1 MiB of random bytes, one made at a time as the stream is read. */
    private static InputStream blocks(int megabytes) {
        Random random = new Random(42);
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int made;

            @Override
            public boolean hasMoreElements() {
                return made < megabytes;
            }

            @Override
            public InputStream nextElement() {
                byte[] block = new byte[BLOCK];
                random.nextBytes(block);
                made++;
                return new ByteArrayInputStream(block);
            }
        });
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> reply = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("POST %s: %s", path, reply.body()).isEqualTo(201);
        return Json.parse(reply.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> reply = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("GET %s: %s", path, reply.body()).isEqualTo(200);
        return Json.parse(reply.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).header("X-API-Key", KEY);
    }

    private String log() {
        try {
            String text = Files.readString(gatewayLog);
            return text.length() > 4_000 ? text.substring(text.length() - 4_000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
