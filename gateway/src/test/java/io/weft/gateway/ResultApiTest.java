package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
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

    @Test
    void deletedResultIsGoneWithItsBytesAndDeletingItAgainIs404() {
        Api api = new Api(http, ADMIN_KEY);
        String result = aCompletedResult(api, "PT1H");

        Api.Reply deleted = api.delete("/v1/results/" + result);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/v1/results/" + result).status()).isEqualTo(404);
        assertThat(api.get("/v1/results/" + result + "/data").status()).isEqualTo(404);
        Api.Reply again = api.delete("/v1/results/" + result);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anotherKeysResultCannotBeDeleted() {
        Api admin = new Api(http, ADMIN_KEY);
        String result = aCompletedResult(admin, "PT1H");
        Api bob = admin.as(admin.post("/v1/keys", "{\"name\": \"bob\", \"scopes\": [\"submit\", \"read\"]}")
                .json().path("secret").asText());

        assertThat(bob.delete("/v1/results/" + result).status()).isEqualTo(404);
        assertThat(admin.get("/v1/results/" + result).status()).isEqualTo(200);
    }

    @Test
    void expiredResultIs410GoneSayingWhenItExpired() {
        Api admin = new Api(http, ADMIN_KEY);
        String result = aCompletedResult(admin, "PT1S");
        String expiresAt = admin.get("/v1/results/" + result).json().path("expiresAt").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/v1/results/" + result).status() == 410);

        Api.Reply gone = admin.get("/v1/results/" + result);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().path("status").asInt()).isEqualTo(410);
        assertThat(gone.json().path("detail").asText()).isEqualTo("result " + result + " expired at " + expiresAt);
        assertThat(admin.get("/v1/results/" + result + "/data").status()).isEqualTo(410);
        Api bob = admin.as(admin.post("/v1/keys", "{\"name\": \"bob\", \"scopes\": [\"read\"]}")
                .json().path("secret").asText());
        assertThat(bob.get("/v1/results/" + result).status()).as("another key learns nothing of it").isEqualTo(404);
        assertThat(admin.delete("/v1/results/" + result).status()).as("its tombstone can be deleted").isEqualTo(204);
        assertThat(admin.get("/v1/results/" + result).status()).isEqualTo(404);
    }

    /** A result of a new session holding 1 KiB, that expires {@code ttl} from now. */
    private static String aCompletedResult(Api api, String ttl) {
        String session = api.post("/v1/sessions", "{\"name\": \"files\"}").json().path("id").asText();
        String result = api.post("/v1/sessions/" + session + "/results", "{\"name\": \"x\", \"ttl\": \"" + ttl + "\"}")
                .json().path("id").asText();
        Api.Reply uploaded = api.send(io.micronaut.http.HttpRequest.PUT("/v1/results/" + result + "/data", new byte[1024])
                .contentType("application/octet-stream"));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        return result;
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
