package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.auth.KeyService;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void createdKeyShowsItsSecretOnceAndListsWithoutIt() {
        Api admin = new Api(http, ADMIN_KEY);
        Api.Reply created = admin.post("/v1/keys", "{\"name\": \"ci\", \"scopes\": [\"submit\", \"read\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("secret").asText()).startsWith(created.json().path("id").asText() + ".");
        assertThat(created.json().path("scopes")).hasSize(2);
        Api.Reply list = admin.get("/v1/keys");
        assertThat(list.text()).contains(created.json().path("id").asText()).doesNotContain(created.json().path("secret").asText());
        assertThat(list.text()).doesNotContain("secret").doesNotContain("sha256");
    }

    @Test
    void unknownScopeIsRefusedNamingIt() {
        Api.Reply reply = new Api(http, ADMIN_KEY).post("/v1/keys", "{\"name\": \"x\", \"scopes\": [\"read\", \"root\"]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("scopes[1]");
    }

    @Test
    void missingOrWrongKeyIs401AndWrongScopeIs403() {
        Api admin = new Api(http, ADMIN_KEY);
        String reader = secret(admin, "reader", "read");
        assertThat(admin.as(null).get("/v1/sessions").status()).isEqualTo(401);
        assertThat(admin.as(reader + "x").get("/v1/sessions").status()).isEqualTo(401);
        assertThat(admin.as("k-nosuch.abc").get("/v1/sessions").status()).isEqualTo(401);
        assertThat(admin.as(reader).get("/v1/sessions").status()).isEqualTo(200);
        Api.Reply forbidden = admin.as(reader).post("/v1/sessions", "{\"name\": \"no\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(admin.as(secret(admin, "submitter", "submit")).get("/v1/keys").status()).isEqualTo(403);
    }

    @Test
    void anotherKeysSessionTasksAndResultsAre404() {
        Api admin = new Api(http, ADMIN_KEY);
        Api alice = admin.as(secret(admin, "alice", "submit", "read"));
        Api bob = admin.as(secret(admin, "bob", "submit", "read"));
        String session = alice.post("/v1/sessions", "{\"name\": \"alice's\"}").json().path("id").asText();
        String task = alice.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [{\"type\": \"echo\", \"input\": 1}]}")
                .json().path("tasks").get(0).path("id").asText();
        String result = alice.post("/v1/sessions/" + session + "/results", "{\"name\": \"r\"}").json().path("id").asText();

        assertThat(alice.get("/v1/sessions/" + session).status()).isEqualTo(200);
        assertThat(alice.get("/v1/tasks/" + task).status()).isEqualTo(200);
        assertThat(bob.get("/v1/sessions/" + session).status()).isEqualTo(404);
        assertThat(bob.get("/v1/tasks/" + task).status()).isEqualTo(404);
        assertThat(bob.post("/v1/tasks/" + task + "/cancel", "").status()).isEqualTo(404);
        assertThat(bob.get("/v1/results/" + result).status()).isEqualTo(404);
        assertThat(bob.get("/v1/sessions/" + session + "/tasks").status()).isEqualTo(404);
        assertThat(bob.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [{\"type\": \"echo\"}]}").status()).isEqualTo(404);
        assertThat(bob.get("/v1/sessions").json().path("items").toString()).doesNotContain(session);
        assertThat(alice.get("/v1/sessions").json().path("items").toString()).contains(session);
        assertThat(admin.get("/v1/sessions/" + session).status()).isEqualTo(200);
    }

    @Test
    void revokedKeyStopsWorkingWithinASecond() throws Exception {
        Api admin = new Api(http, ADMIN_KEY);
        Api.Reply created = admin.post("/v1/keys", "{\"name\": \"temp\", \"scopes\": [\"read\"]}");
        Api temp = admin.as(created.json().path("secret").asText());
        assertThat(temp.get("/v1/sessions").status()).isEqualTo(200);
        assertThat(admin.delete("/v1/keys/" + created.json().path("id").asText()).status()).isEqualTo(204);
        Thread.sleep(Duration.ofMillis(KeyService.CACHE_MILLIS).toMillis() + 100);
        assertThat(temp.get("/v1/sessions").status()).isEqualTo(401);
        assertThat(admin.delete("/v1/keys/" + created.json().path("id").asText()).status()).isEqualTo(404);
    }

    private static String secret(Api admin, String name, String... scopes) {
        String list = String.join("\", \"", scopes);
        return admin.post("/v1/keys", "{\"name\": \"" + name + "\", \"scopes\": [\"" + list + "\"]}").json().path("secret").asText();
    }
}
