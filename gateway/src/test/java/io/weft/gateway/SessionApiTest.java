package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.map.IMap;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.embedded.Grid;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Grid grid;

    Api admin;
    Api alice;
    Api bob;

    @BeforeEach
    void keys() {
        admin = new Api(http, ADMIN_KEY);
        alice = admin.as(secret("alice"));
        bob = admin.as(secret("bob"));
    }

    @Test
    void sessionDefaultsFillTheOptionsATaskLeavesOutFieldByField() {
        Api.Reply created = alice.post("/v1/sessions",
                "{\"name\": \"d\", \"defaults\": {\"priority\": 8, \"maxRetries\": 6, \"timeout\": \"PT9S\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("defaults").path("priority").asInt()).isEqualTo(8);
        String session = created.json().path("id").asText();

        String id = alice.post("/v1/sessions/" + session + "/tasks",
                "{\"tasks\": [{\"type\": \"echo\", \"input\": 1, \"options\": {\"priority\": 3}}]}")
                .json().path("tasks").path(0).path("id").asText();

        IMap<String, Task> tasks = grid.hazelcast().getMap(GridNames.TASKS);
        TaskOptions options = tasks.get(id).spec().options();
        assertThat(options.priority()).as("the task's own").isEqualTo(3);
        assertThat(options.maxRetries()).as("the session's").isEqualTo(6);
        assertThat(options.timeout()).as("the session's").isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void badSessionDefaultIsRefusedNamingTheFieldAndCreatesNothing() {
        int before = admin.get("/v1/sessions").json().path("items").size();

        Api.Reply refused = alice.post("/v1/sessions", "{\"name\": \"d\", \"defaults\": {\"priority\": 99}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("defaults.priority");
        assertThat(admin.get("/v1/sessions").json().path("items").size()).isEqualTo(before);
    }

    @Test
    void pausedSessionIsResumedAndItsWaitingTasksRun() {
        String session = create(alice);

        Api.Reply paused = alice.post("/v1/sessions/" + session + "/pause", "");

        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("state").asText()).isEqualTo("PAUSED");
        String task = alice.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [{\"type\": \"echo\", \"input\": 1}]}")
                .json().path("tasks").get(0).path("id").asText();
        assertThat(alice.get("/v1/tasks/" + task).json().path("status").asText()).isEqualTo("QUEUED");
        await().atMost(Duration.ofSeconds(30)).until(() -> counts(session).path("QUEUED").asLong() == 1);

        Api.Reply resumed = alice.post("/v1/sessions/" + session + "/resume", "");

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("state").asText()).isEqualTo("OPEN");
        await().atMost(Duration.ofSeconds(30)).until(() -> counts(session).path("SUCCEEDED").asLong() == 1);
        assertThat(counts(session).path("QUEUED").asLong()).isZero();
        assertThat(alice.get("/v1/tasks/" + task).json().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(alice.get("/v1/sessions").json().path("items").toString()).contains("\"SUCCEEDED\":1");
    }

    @Test
    void refusedMoveIs409ProblemJsonNamingTheStates() {
        String session = create(alice);

        Api.Reply resumeOpen = alice.post("/v1/sessions/" + session + "/resume", "");

        assertThat(resumeOpen.status()).isEqualTo(409);
        assertThat(resumeOpen.contentType()).startsWith("application/problem+json");
        assertThat(resumeOpen.json().path("detail").asText()).contains("is OPEN and cannot become OPEN");
        alice.post("/v1/sessions/" + session + "/close", "");
        Api.Reply pauseClosed = alice.post("/v1/sessions/" + session + "/pause", "");
        assertThat(pauseClosed.status()).isEqualTo(409);
        assertThat(pauseClosed.json().path("detail").asText()).contains("is CLOSED and cannot become PAUSED");
        assertThat(alice.get("/v1/sessions/" + session).json().path("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void anotherKeysSessionCannotBePausedResumedOrDeleted() {
        String session = create(alice);

        assertThat(bob.post("/v1/sessions/" + session + "/pause", "").status()).isEqualTo(404);
        assertThat(bob.post("/v1/sessions/" + session + "/resume", "").status()).isEqualTo(404);
        assertThat(bob.delete("/v1/sessions/" + session).status()).isEqualTo(404);
        assertThat(alice.get("/v1/sessions/" + session).json().path("state").asText()).isEqualTo("OPEN");
        assertThat(admin.post("/v1/sessions/s-nosuch/pause", "").status()).isEqualTo(404);
        assertThat(admin.delete("/v1/sessions/s-nosuch").status()).isEqualTo(404);
    }

    @Test
    void deletePurgesTheSessionAndForgetsItsOwner() {
        String session = create(alice);
        String task = alice.post("/v1/sessions/" + session + "/tasks",
                "{\"tasks\": [{\"type\": \"echo\", \"input\": 1, \"options\": {\"delay\": \"PT1H\"}}]}")
                .json().path("tasks").get(0).path("id").asText();
        String result = alice.post("/v1/sessions/" + session + "/results", "{\"name\": \"r\"}").json().path("id").asText();

        Api.Reply deleted = alice.delete("/v1/sessions/" + session);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(alice.get("/v1/sessions/" + session).status()).isEqualTo(404);
        assertThat(admin.get("/v1/sessions/" + session).status()).isEqualTo(404);
        assertThat(admin.get("/v1/tasks/" + task).status()).isEqualTo(404);
        assertThat(admin.get("/v1/results/" + result).status()).isEqualTo(404);
        assertThat(grid.hazelcast().getMap(GridNames.SESSION_OWNERS).containsKey(session)).isFalse();
        assertThat(alice.delete("/v1/sessions/" + session).status()).isEqualTo(404);
    }

    private JsonNode counts(String session) {
        return alice.get("/v1/sessions/" + session).json().path("counts");
    }

    private static String create(Api as) {
        Api.Reply created = as.post("/v1/sessions", "{\"name\": \"lifecycle\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("counts").isObject()).isTrue();
        return created.json().path("id").asText();
    }

    private String secret(String name) {
        return admin.post("/v1/keys", "{\"name\": \"" + name + "\", \"scopes\": [\"submit\", \"read\"]}").json().path("secret").asText();
    }
}
