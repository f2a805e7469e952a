package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    String session;

    @BeforeEach
    void aFreshSession() {
        api = new Api(http, ADMIN_KEY);
        Api.Reply created = api.post("/v1/sessions", "{\"name\": \"tasks\", \"labels\": {\"team\": \"a\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("state").asText()).isEqualTo("OPEN");
        session = created.json().path("id").asText();
    }

    @Test
    void submitWithInputViolatingSchemaIsRefusedNamingTheField() {
        Api.Reply reply = submit("{\"type\": \"sleep\", \"input\": {\"ms\": \"long\"}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("field").asText()).isEqualTo("tasks[0].input.ms");
    }

    @Test
    void oneRefusedTaskStoresNoneOfTheBatch() {
        Api.Reply reply = submit("{\"type\": \"echo\", \"input\": {\"x\": 1}}", "{\"type\": \"sleep\", \"input\": {}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("tasks[1].input.ms");
        assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items")).isEmpty();
    }

    @Test
    void badOptionIsRefusedNamingTheOption() {
        Api.Reply reply = submit("{\"type\": \"echo\", \"input\": 1, \"options\": {\"priority\": 42}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("tasks[0].options.priority");
        Api.Reply timeout = submit("{\"type\": \"echo\", \"input\": 1, \"options\": {\"timeout\": \"soon\"}}");
        assertThat(timeout.json().path("field").asText()).isEqualTo("tasks[0].options.timeout");
    }

    @Test
    void aTaskShowsItsWholeHistoryWithTheWorkerOfEachAttempt() {
        String id = submit("{\"type\": \"echo\", \"input\": 1}").json().path("tasks").path(0).path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/tasks/" + id).json().path("status").asText().equals("SUCCEEDED"));

        JsonNode task = api.get("/v1/tasks/" + id).json();
        List<String> statuses = new ArrayList<>();
        task.path("history").forEach(change -> statuses.add(change.path("status").asText()));
        assertThat(statuses).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
        JsonNode running = task.path("history").get(1);
        assertThat(running.path("attempt").asInt()).isEqualTo(1);
        assertThat(running.path("worker").asText()).isEqualTo(task.path("worker").asText()).isNotEmpty();
        assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items").get(0).path("history").isArray())
                .as("lists stay light").isFalse();
    }

    @Test
    void unknownTypeIsRefusedNamingTheType() {
        Api.Reply reply = submit("{\"type\": \"nosuch\", \"input\": 1}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("tasks[0].type");
    }

    @Test
    void taskThatDependsOnAResultNotYetProducedWaitsAndSaysForWhat() {
        String result = api.post("/v1/sessions/" + session + "/results",
                "{\"name\": \"in\", \"contentType\": \"text/plain\", \"ttl\": \"PT1H\"}").json().path("id").asText();

        Api.Reply reply = submit("{\"type\": \"echo\", \"input\": 1, \"dependsOn\": [\"" + result + "\"]}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode task = api.get("/v1/tasks/" + reply.json().path("tasks").path(0).path("id").asText()).json();
        assertThat(task.path("status").asText()).isEqualTo("WAITING");
        assertThat(task.path("waitingFor").path(0).asText()).isEqualTo(result);
        assertThat(task.path("subtasks")).isEmpty();
    }

    @Test
    void dependencyOnAnUnknownResultIsRefusedNamingTheField() {
        Api.Reply reply = submit("{\"type\": \"echo\", \"input\": 1, \"dependsOn\": [\"r-nosuch\"]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("tasks[0].dependsOn[0]");
        assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items")).isEmpty();
    }

    @Test
    void malformedJsonBodyIsProblemJson400() {
        Api.Reply reply = api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void submittedEchoTaskSucceedsAndReadsLikeTheDesignExample() {
        Api.Reply reply = submit("{\"type\": \"echo\", \"input\": {\"x\": 1}, \"options\": {\"priority\": 5, \"maxRetries\": 3, \"timeout\": \"PT30S\"}, \"idempotencyKey\": \"k1\"}");
        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().path("tasks").get(0).path("id").asText();
        assertThat(reply.json().path("tasks").get(0).path("status").asText()).isNotEmpty();

        JsonNode task = awaitStatus(id, "SUCCEEDED");
        assertThat(task.path("sessionId").asText()).isEqualTo(session);
        assertThat(task.path("type").asText()).isEqualTo("echo");
        assertThat(task.path("attempt").asInt()).isEqualTo(1);
        assertThat(task.path("input").path("x").asInt()).isEqualTo(1);
        assertThat(task.path("output").path("x").asInt()).isEqualTo(1);
        assertThat(task.has("error")).isTrue();
        assertThat(task.path("error").isNull()).isTrue();
        assertThat(task.has("parentId")).isTrue();
        Instant created = Instant.parse(task.path("createdAt").asText());
        Instant ended = Instant.parse(task.path("endedAt").asText());
        assertThat(ended).isAfterOrEqualTo(created);
        assertThat(Instant.parse(task.path("startedAt").asText())).isBetween(created, ended);

        Api.Reply again = submit("{\"type\": \"echo\", \"input\": {\"x\": 2}, \"idempotencyKey\": \"k1\"}");
        assertThat(again.json().path("tasks").get(0).path("id").asText()).isEqualTo(id);

        // Nodes write their count changes every 100 ms: the counts follow shortly.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/sessions/" + session).json().path("counts").path("SUCCEEDED").asLong() == 1);
    }

    @Test
    void listFiltersByStatusAndTypeAndPagesWithAnOpaqueCursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submit("{\"type\": \"echo\", \"input\": " + i + "}").json().path("tasks").get(0).path("id").asText());
        }
        submit("{\"type\": \"sleep\", \"input\": {\"ms\": 1}, \"options\": {\"delay\": \"PT1H\"}}");
        ids.forEach(id -> awaitStatus(id, "SUCCEEDED"));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = api.get("/v1/sessions/" + session + "/tasks?type=echo&status=SUCCEEDED&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(t -> paged.add(t.path("id").asText()));
            cursor = page.json().path("next").isNull() ? null : page.json().path("next").asText();
        } while (cursor != null);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

        JsonNode scheduled = api.get("/v1/sessions/" + session + "/tasks?status=scheduled").json().path("items");
        assertThat(scheduled).hasSize(1);
        assertThat(scheduled.get(0).path("type").asText()).isEqualTo("sleep");
        assertThat(api.get("/v1/sessions/" + session + "/tasks?status=BOGUS").json().path("field").asText()).isEqualTo("status");
    }

    @Test
    void delayedTaskCanBeCancelled() {
        String id = submit("{\"type\": \"echo\", \"input\": 1, \"options\": {\"delay\": \"PT1H\"}}")
                .json().path("tasks").get(0).path("id").asText();
        Api.Reply cancelled = api.post("/v1/tasks/" + id + "/cancel", "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void unknownIdsAre404() {
        assertThat(api.get("/v1/tasks/t-nosuch").status()).isEqualTo(404);
        assertThat(api.get("/v1/sessions/s-nosuch").status()).isEqualTo(404);
        assertThat(api.post("/v1/sessions/s-nosuch/tasks", "{\"tasks\": [{\"type\": \"echo\"}]}").status()).isEqualTo(404);
    }

    @Test
    void closedSessionRefusesTasksAndPauseWith409() {
        assertThat(api.post("/v1/sessions/" + session + "/close", "").json().path("state").asText()).isEqualTo("CLOSED");
        assertThat(submit("{\"type\": \"echo\", \"input\": 1}").status()).isEqualTo(409);
        assertThat(api.post("/v1/sessions/" + session + "/pause", "").status()).isEqualTo(409);
    }

    @Test
    void thenOptionSubmitsAFollowUpFedTheOutputWhenTheTaskSucceeds() {
        Api.Reply reply = submit("{\"type\": \"echo\", \"input\": {\"x\": 3}, "
                + "\"options\": {\"then\": {\"type\": \"echo\", \"options\": {\"priority\": 8}}}}");
        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().path("tasks").get(0).path("id").asText();
        awaitStatus(id, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/tasks/" + id).json().path("subtasks").size() == 1);
        String next = api.get("/v1/tasks/" + id).json().path("subtasks").get(0).asText();
        JsonNode followUp = awaitStatus(next, "SUCCEEDED");
        assertThat(followUp.path("parentId").asText()).isEqualTo(id);
        assertThat(followUp.path("priority").asInt()).isEqualTo(8);
        assertThat(followUp.path("input").path("x").asInt()).isEqualTo(3);
        assertThat(followUp.path("output").path("x").asInt()).isEqualTo(3);
    }

    @Test
    void badThenIsRefusedNamingTheField() {
        Api.Reply noType = submit("{\"type\": \"echo\", \"input\": 1, \"options\": {\"then\": {}}}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().path("field").asText()).isEqualTo("tasks[0].options.then.type");

        Api.Reply badPriority = submit("{\"type\": \"echo\", \"input\": 1, "
                + "\"options\": {\"then\": {\"type\": \"echo\", \"options\": {\"priority\": 42}}}}");
        assertThat(badPriority.status()).isEqualTo(400);
        assertThat(badPriority.json().path("field").asText()).isEqualTo("tasks[0].options.then.options.priority");
    }

    private Api.Reply submit(String... tasks) {
        return api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [" + String.join(",", tasks) + "]}");
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/tasks/" + id).json().path("status").asText().equals(status));
        return api.get("/v1/tasks/" + id).json();
    }
}
