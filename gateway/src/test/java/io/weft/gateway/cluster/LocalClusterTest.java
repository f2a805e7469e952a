package io.weft.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The deployment topology as separate JVMs started by {@code bin/weft-cluster}: three nodes (CP
 * member count 3) and a gateway that reaches them as a Hazelcast client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalClusterTest {

    private static final int TASKS = 240;
    private static final Pattern METRIC_NAME = Pattern.compile("weft_[a-z_]+[a-z]");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private LocalCluster cluster;

    @BeforeAll
    void startTheClusterScript() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        // Four slots of sleep per node, so the work lasts long enough to lose a node midway.
        cluster = LocalCluster.up(module.getParent(), module.resolve("target/weft-cluster-it"), Map.of("WEFT_SLOTS", "sleep=4"));
    }

    @AfterAll
    void stopTheClusterScript() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void nodesAndGatewayReportLivenessAndReadiness() throws Exception {
        for (int node = 1; node <= LocalCluster.NODES; node++) {
            HttpResponse<String> readiness = get(cluster.nodeEndpoint(node) + "/health/readiness", null);
            assertThat(readiness.statusCode()).as("node %d readiness: %s", node, readiness.body()).isEqualTo(200);
            assertThat(Json.parse(readiness.body()).path("members").asInt()).isEqualTo(LocalCluster.NODES);
            assertThat(get(cluster.nodeEndpoint(node) + "/health/liveness", null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> gateway = get(cluster.gateway() + "/health/readiness", null);
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(Json.parse(gateway.body()).path("mode").asText()).isEqualTo("client");
    }

    @Test
    @Order(2)
    void nodesLogOneJsonObjectPerLineWithTheirMemberId() throws Exception {
        List<String> lines = Files.readAllLines(cluster.logDir().resolve("node-1.log"));
        assertThat(lines).isNotEmpty().allSatisfy(line ->
                assertThat(Json.parse(line).path("level").asText()).as(line).isNotEmpty());
        JsonNode ready = lines.stream().map(Json::parse)
                .filter(line -> line.path("message").asText().startsWith("Weft node ready")).findFirst().orElseThrow();
        assertThat(ready.path("member").asText()).isNotEmpty();
    }

    @Test
    @Order(3)
    void metricsOfANodeAndOfTheGatewayPassPromtool() throws Exception {
        String session = createSession("promtool");
        submitAndAwait(session, "{\"type\": \"echo\", \"input\": {\"n\": 1}}", 1);
        String node = get(cluster.nodeEndpoint(1) + "/metrics", null).body();
        String gateway = get(cluster.gateway() + "/metrics", null).body();
        // Any node may have run the task: the node's families are there, with or without samples.
        assertThat(node).contains("# TYPE weft_tasks_submitted_total counter", "weft_owned_tasks{status=\"QUEUED\",}",
                "weft_executor_slots_free{type=\"echo\",}", "# TYPE weft_task_submit_to_finish_seconds histogram",
                "jvm_memory_bytes_used");
        assertThat(gateway).contains("weft_gateway_requests_total");

        Assumptions.assumeTrue(Promtool.available() || System.getenv("CI") != null,
                "promtool is not installed (Debian package prometheus); .ci/run installs it");
        assertThat(Promtool.checkMetrics(node, cluster.logDir().resolve("node-1.metrics"))).as("promtool on a node's /metrics").isEmpty();
        assertThat(Promtool.checkMetrics(gateway, cluster.logDir().resolve("gateway.metrics"))).as("promtool on the gateway's /metrics").isEmpty();
    }

    @Test
    @Order(4)
    void everyWeftMetricTheDashboardAndTheAlertsReadIsExported() throws Exception {
        String exported = get(cluster.nodeEndpoint(1) + "/metrics", null).body()
                + get(cluster.gateway() + "/metrics", null).body();
        Path config = Path.of("").toAbsolutePath().getParent().resolve("config");
        Set<String> read = new TreeSet<>();
        for (Path file : List.of(config.resolve("grafana/dashboards/weft.json"), config.resolve("prometheus-rules.yml"))) {
            Matcher names = METRIC_NAME.matcher(Files.readString(file));
            while (names.find()) {
                read.add(names.group().replaceAll("_(bucket|count|sum)$", ""));
            }
        }
        assertThat(read).hasSizeGreaterThan(10);
        assertThat(read).allSatisfy(name -> assertThat(exported).as("the exported metrics").contains("# TYPE " + name + " "));
    }

    @Test
    @Order(5)
    void everyTaskSubmittedThroughTheGatewayFinishesThoughANodeIsKilled() throws Exception {
        String session = createSession("sigkill");
        StringBuilder batch = new StringBuilder("{\"tasks\": [");
        for (int i = 0; i < TASKS; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\": \"sleep\", \"input\": {\"ms\": 250}}");
        }
        HttpResponse<String> submitted = post("/v1/sessions/" + session + "/tasks", batch.append("]}").toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(Json.parse(submitted.body()).path("tasks").size()).isEqualTo(TASKS);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> succeeded(session) >= TASKS / 10);
        cluster.kill(2);
        int succeededAtKill = succeeded(session);
        assertThat(succeededAtKill).as("the node must die midway, not after the work").isLessThan(TASKS);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(listed(session, "SUCCEEDED")).isEqualTo(TASKS));
        assertThat(listed(session, "FAILED")).isZero();
        assertThat(listed(session, "CANCELLED")).isZero();
        // The counts lost what the dead node had not written; once the session is quiet they are
        // counted again from the tasks.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(nonZero(counts(session))).isEqualTo(Map.of("SUCCEEDED", TASKS)));
        assertThat(cluster.status()).contains("node-2 ").contains("dead");
    }

    private String createSession(String name) throws Exception {
        HttpResponse<String> created = post("/v1/sessions", "{\"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).path("id").asText();
    }

    private void submitAndAwait(String session, String task, int count) throws Exception {
        HttpResponse<String> submitted = post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [" + task + "]}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> counts(session).path("SUCCEEDED").asInt() == count);
    }

    private static Map<String, Integer> nonZero(JsonNode counts) {
        Map<String, Integer> byStatus = new TreeMap<>();
        counts.fields().forEachRemaining(count -> {
            if (count.getValue().asInt() != 0) {
                byStatus.put(count.getKey(), count.getValue().asInt());
            }
        });
        return byStatus;
    }

    private int succeeded(String session) throws Exception {
        return listed(session, "SUCCEEDED");
    }

    /** How many of the session's tasks have {@code status}, read from the tasks (one page holds them all). */
    private int listed(String session, String status) throws Exception {
        HttpResponse<String> reply = get(cluster.gateway() + "/v1/sessions/" + session + "/tasks?status=" + status
                + "&limit=1000", cluster.adminKey());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("task list: " + reply.statusCode() + " " + reply.body());
        }
        return Json.parse(reply.body()).path("items").size();
    }

    private JsonNode counts(String session) throws Exception {
        HttpResponse<String> reply = get(cluster.gateway() + "/v1/sessions/" + session, cluster.adminKey());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("session read: " + reply.statusCode() + " " + reply.body());
        }
        return Json.parse(reply.body()).path("counts");
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.gateway() + path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + cluster.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
