package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictBodyApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    Api admin;
    Api alice;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.port", String.valueOf(FreePort.onLoopback()));
    }

    @BeforeEach
    void keys() {
        admin = new Api(http, ADMIN_KEY);
        alice = admin.as(secret());
    }

    @Test
    void textAfterTheJsonValueIsRefusedNamingTheRootAndCreatesNoSession() {
        int before = sessionCount();

        Api.Reply refused = alice.post("/v1/sessions", "{\"name\":\"a\"} xyz");

        assertRefusedAtRoot(refused);
        assertThat(refused.json().path("detail").asText()).contains("not one well-formed JSON value");
        assertThat(sessionCount()).isEqualTo(before);
    }

    @Test
    void secondJsonValueAfterTheFirstIsRefused() {
        int before = sessionCount();

        Api.Reply refused = alice.post("/v1/sessions", "{\"name\":\"a\"} {\"name\":\"b\"}");

        assertRefusedAtRoot(refused);
        assertThat(refused.json().path("detail").asText()).contains("text follows the JSON value");
        assertThat(sessionCount()).isEqualTo(before);
    }

    @Test
    void keyGivenTwiceIsRefusedNamingTheRootAndCreatesNoSession() {
        int before = sessionCount();

        Api.Reply refused = alice.post("/v1/sessions", "{\"name\":\"a\",\"name\":\"b\"}");

        assertRefusedAtRoot(refused);
        assertThat(refused.json().path("detail").asText()).contains("name");
        assertThat(sessionCount()).isEqualTo(before);
    }

    @Test
    void keyGivenTwiceDeepInATaskIsRefused() {
        String session = alice.post("/v1/sessions", "{\"name\": \"strict\"}").json().path("id").asText();

        Api.Reply refused = alice.post("/v1/sessions/" + session + "/tasks",
                "{\"tasks\": [{\"type\": \"echo\", \"input\": {\"x\": 1, \"x\": 2}}]}");

        assertRefusedAtRoot(refused);
        assertThat(alice.get("/v1/sessions/" + session + "/tasks").json().path("items").size()).isZero();
    }

    @Test
    void wellFormedBodyWithTrailingWhitespaceIsAccepted() {
        assertThat(alice.post("/v1/sessions", "{\"name\": \"ok\"}\n\t ").status()).isEqualTo(201);
    }

    @Test
    void emptyBodyIsRefusedWhereEveryCreatingCallNeedsOne() {
        String session = alice.post("/v1/sessions", "{\"name\": \"needs bodies\"}").json().path("id").asText();
        int sessionsBefore = sessionCount();

        for (String path : new String[] {"/v1/sessions", "/v1/sessions/" + session + "/tasks", "/v1/sessions/" + session + "/results",
                "/v1/schedules", "/v1/hooks"}) {
            Api.Reply refused = alice.send(HttpRequest.POST(path, "").contentType("application/json"));
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json().path("field").asText()).as(path).isEqualTo("/");
            assertThat(refused.json().path("detail").asText()).as(path).contains("a request body is required");
        }
        Api.Reply noKey = admin.send(HttpRequest.POST("/v1/keys", "").contentType("application/json"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().path("detail").asText()).contains("a request body is required");

        assertThat(sessionCount()).isEqualTo(sessionsBefore);
        assertThat(alice.get("/v1/sessions/" + session + "/tasks").json().path("items").size()).isZero();
        assertThat(alice.get("/v1/schedules").json().size()).isZero();
        assertThat(alice.get("/v1/hooks").json().size()).isZero();
    }

    @Test
    void jsonNullIsNoBodyEither() {
        Api.Reply refused = alice.post("/v1/sessions", "null");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("a request body is required");
    }

    @Test
    void emptyObjectStillCreatesASessionWithEveryDefault() {
        assertThat(alice.post("/v1/sessions", "{}").status()).isEqualTo(201);
    }

    private int sessionCount() {
        return admin.get("/v1/sessions?limit=1000").json().path("items").size();
    }

    private String secret() {
        return admin.post("/v1/keys", "{\"name\": \"strict\", \"scopes\": [\"submit\", \"read\"]}").json().path("secret").asText();
    }

    private static void assertRefusedAtRoot(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("field").asText()).as(reply.toString()).isEqualTo("/");
    }
}
