package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.model.Json;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultApiTest implements GatewayTest {

    static final long FIFTY_MIB = 50L << 20;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Test
    void fiftyMebibytesStreamUpAndDownWithTheSameChecksum() throws Exception {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"files\"}").json().path("id").asText();
        Api.Reply created = api.post("/v1/sessions/" + session + "/results",
                "{\"name\": \"in.bin\", \"contentType\": \"application/octet-stream\", \"ttl\": \"PT1H\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("CREATED");
        String result = created.json().path("id").asText();

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> uploaded = jdk.send(HttpRequest.newBuilder(uri("/v1/results/" + result + "/data"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new DigestInputStream(new RandomBytes(FIFTY_MIB), sent)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String sentSha = HexFormat.of().formatHex(sent.digest());
        assertThat(Json.parse(uploaded.body()).path("sha256").asText()).isEqualTo(sentSha);
        assertThat(Json.parse(uploaded.body()).path("size").asLong()).isEqualTo(FIFTY_MIB);

        HttpResponse<InputStream> downloaded = jdk.send(HttpRequest.newBuilder(uri("/v1/results/" + result + "/data"))
                .header("X-API-Key", ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream in = new DigestInputStream(downloaded.body(), received)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(size).isEqualTo(FIFTY_MIB);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sentSha);
        assertThat(api.get("/v1/results/" + result).json().path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void downloadOfAResultNotYetUploadedIs409AndUnknownIs404() {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"files\"}").json().path("id").asText();
        String result = api.post("/v1/sessions/" + session + "/results", "{\"name\": \"x\"}").json().path("id").asText();
        assertThat(api.get("/v1/results/" + result + "/data").status()).isEqualTo(409);
        assertThat(api.get("/v1/results/r-nosuch").status()).isEqualTo(404);
        assertThat(api.post("/v1/sessions/" + session + "/results", "{\"name\": \"x\", \"ttl\": \"forever\"}")
                .json().path("field").asText()).isEqualTo("ttl");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    /** {@code size} pseudo-random bytes, made as they are read. */
    static final class RandomBytes extends InputStream {
        private final Random random = new Random(42);
        private long left;

        RandomBytes(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
