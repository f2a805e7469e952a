package io.weft.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.store.StoreSettings;
import io.weft.store.testing.TestStores;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three member JVMs and a gateway on PostgreSQL, as {@code bin/weft-cluster} runs them: every task
 * acknowledged before the whole cluster went down reaches SUCCEEDED after it comes back, the delayed
 * ones no earlier than their time and the waiting ones once their input is uploaded. With write-through
 * this holds through a SIGKILL of every member at once; with write-behind, through a graceful stop.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class WholeClusterRestartTest {

    private static final int ECHOES = 6_000;
    private static final int SLEEPS = 2_000;
    private static final int DELAYED = 1_500;
    private static final int WAITING = 500;
    private static final Duration DELAY = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private LocalCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void writeThroughLosesNothingWhenEveryMemberIsKilledAtOnce() throws Exception {
        Accepted accepted = acceptTenThousandTasks(TestStores.postgres("whole_cluster_kill", 0));
        cluster.killAllNodes();
        cluster.upAgain();
        assertEveryTaskSucceeds(accepted);
    }

    @Test
    void writeBehindLosesNothingWhenTheClusterStopsGracefully() throws Exception {
        Accepted accepted = acceptTenThousandTasks(TestStores.postgres("whole_cluster_stop", 1));
        cluster.down();
        cluster.upAgain();
        assertEveryTaskSucceeds(accepted);
    }

    private record Accepted(String session, String input, Map<String, Instant> dueAt, int total) {
    }

    private Accepted acceptTenThousandTasks(StoreSettings store) throws Exception {
        Path module = Path.of("").toAbsolutePath();
        cluster = LocalCluster.up(module.getParent(), module.resolve("target/weft-cluster-it"),
                Map.of("WEFT_STORE", "postgres", "WEFT_STORE_URL", store.url(), "WEFT_STORE_USER", store.user(),
                        "WEFT_STORE_PASSWORD", store.password(),
                        "WEFT_STORE_WRITE_DELAY", String.valueOf(store.writeDelaySeconds()),
                        // Four JVMs on two shared cores: a batch of 500 may take longer than the default 5 s.
                        "WEFT_GRID_TIMEOUT", "PT60S"));
        String session = post("/v1/sessions", "{\"name\": \"kept\"}").path("id").asText();
        String input = post("/v1/sessions/" + session + "/results",
                "{\"name\": \"in.txt\", \"contentType\": \"text/plain\", \"ttl\": \"PT1H\"}").path("id").asText();
        Map<String, Instant> dueAt = new HashMap<>();
        int total = 0;
        total += submit(session, ECHOES, "{\"type\": \"echo\", \"input\": {\"x\": 1}}", null);
        total += submit(session, SLEEPS, "{\"type\": \"sleep\", \"input\": {\"ms\": 20}}", null);
        total += submit(session, DELAYED, "{\"type\": \"echo\", \"input\": {}, \"options\": {\"delay\": \"" + DELAY + "\"}}", dueAt);
        total += submit(session, WAITING, "{\"type\": \"checksum\", \"input\": {\"result\": \"" + input + "\"},"
                + " \"dependsOn\": [\"" + input + "\"]}", null);
        return new Accepted(session, input, dueAt, total);
    }

    private void assertEveryTaskSucceeds(Accepted accepted) throws Exception {
        // A gateway that outlived the nodes reconnects on its own; until then it answers 503.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        HttpResponse<String> upload = http.send(request("/v1/results/" + accepted.input() + "/data")
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("the input")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isBetween(200, 204);
        // The tasks themselves say when every one has ended; the session's counts must then agree.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).ignoreExceptions()
                .untilAsserted(() -> assertThat(allTasks(accepted.session()))
                        .filteredOn(task -> task.path("status").asText().equals("SUCCEEDED")).hasSize(accepted.total()));
        List<JsonNode> tasks = allTasks(accepted.session());
        assertThat(tasks).hasSize(accepted.total());
        assertThat(tasks).allSatisfy(task -> assertThat(task.path("status").asText()).as(task.path("id").asText())
                .isEqualTo("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .untilAsserted(() -> assertThat(get("/v1/sessions/" + accepted.session()).path("counts")
                        .path("SUCCEEDED").asInt()).as("the session's counts").isEqualTo(accepted.total()));
        for (JsonNode task : tasks) {
            Instant due = accepted.dueAt().get(task.path("id").asText());
            if (due != null) {
                assertThat(Instant.parse(task.path("startedAt").asText())).as("a delayed task ran no earlier than its time")
                        .isAfterOrEqualTo(due);
            }
        }
    }

    /** Submits {@code count} copies of {@code task} in batches; returns how many were acknowledged. */
    private int submit(String session, int count, String task, Map<String, Instant> dueAt) throws Exception {
        int batch = 500;
        for (int sent = 0; sent < count; sent += batch) {
            StringBuilder body = new StringBuilder("{\"tasks\": [");
            for (int i = 0; i < batch; i++) {
                body.append(i == 0 ? "" : ",").append(task);
            }
            Instant before = Instant.now();
            JsonNode reply = post("/v1/sessions/" + session + "/tasks", body.append("]}").toString());
            assertThat(reply.path("tasks").size()).isEqualTo(batch);
            if (dueAt != null) {
                reply.path("tasks").forEach(t -> dueAt.put(t.path("id").asText(), before.plus(DELAY)));
            }
        }
        return count;
    }

    private List<JsonNode> allTasks(String session) throws Exception {
        List<JsonNode> tasks = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/v1/sessions/" + session + "/tasks?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(tasks::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return tasks;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> reply = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("GET %s: %s", path, reply.body()).isEqualTo(200);
        return Json.parse(reply.body());
    }

    private JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> reply = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("POST %s: %s", path, reply.body()).isEqualTo(201);
        return Json.parse(reply.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(cluster.gateway() + path))
                .header("Authorization", "Bearer " + cluster.adminKey()).timeout(Duration.ofSeconds(60));
    }
}
