package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.client.CollectorRegistry;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node's metrics count what happened where it happened, and its gauges read local state when scraped. */
class NodeMetricsTest {

    private TestCluster cluster;
    private WeftClient client;
    private CollectorRegistry registry;

    @BeforeEach
    void oneNodeWithOneSleepSlot() {
        cluster = TestCluster.of("metrics", 1, Map.of("sleep", 1));
        client = cluster.client();
        registry = cluster.node(0).metrics().registry();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void submissionsOutcomesAndCancellationsAreCountedOnceByType() throws Exception {
        String session = client.sessions().create("counted", Map.of()).id();
        List<TaskSpec> echoes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            echoes.add(TaskSpec.of("echo", "{\"i\":" + i + "}").withIdempotencyKey("echo-" + i));
        }
        for (Task task : client.tasks().submit(session, echoes)) {
            assertThat(client.tasks().await(task.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        }
        client.tasks().submit(session, echoes.subList(0, 2));
        Task delayed = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":10}")
                .withOptions(TaskOptions.builder().delay(Duration.ofMinutes(5)).build()));
        client.tasks().cancel(delayed.id());
        client.tasks().cancel(delayed.id());

        assertThat(sample("weft_tasks_submitted_total", "type", "echo")).as("a repeated idempotency key is no new task")
                .isEqualTo(5);
        assertThat(sample("weft_tasks_submitted_total", "type", "sleep")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(sample("weft_tasks_succeeded_total", "type", "echo")).isEqualTo(5);
            assertThat(sample("weft_task_submit_to_finish_seconds_count", "type", "echo")).isEqualTo(5);
            assertThat(sample("weft_tasks_cancelled_total", "type", "sleep")).isEqualTo(1);
        });
        assertThat(sample("weft_tasks_started_total", "type", "echo")).isEqualTo(5);
    }

    @Test
    void gaugesShowSlotsLanesAndTheTasksOfOwnedPartitionsByStatus() {
        String session = client.sessions().create("gauged", Map.of()).id();
        TaskSpec longSleep = TaskSpec.of("sleep", "{\"ms\":60000}");
        client.tasks().submit(session, List.of(longSleep, longSleep, longSleep));
        client.tasks().submit(session, TaskSpec.of("echo", "{}")
                .withOptions(TaskOptions.builder().delay(Duration.ofMinutes(5)).build()));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(sample("weft_executor_slots_used", "type", "sleep")).isEqualTo(1);
                assertThat(sample("weft_executor_slots_free", "type", "sleep")).isEqualTo(0);
                assertThat(sample("weft_lane_waiting_tasks", "type", "sleep")).isEqualTo(2);
                assertThat(sample("weft_owned_tasks", "status", "RUNNING")).isEqualTo(1);
                assertThat(sample("weft_owned_tasks", "status", "QUEUED")).isEqualTo(2);
                assertThat(sample("weft_owned_tasks", "status", "SCHEDULED")).isEqualTo(1);
                assertThat(sample("weft_owned_tasks", "status", "WAITING")).isEqualTo(0);
            });
            assertThat(sample("weft_executor_slots_free", "type", "echo")).isPositive();
        } finally {
            client.sessions().cancel(session);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sample("weft_owned_tasks", "status", "RUNNING")).isEqualTo(0);
            assertThat(sample("weft_owned_tasks", "status", "QUEUED")).isEqualTo(0);
            assertThat(sample("weft_tasks_cancelled_total", "type", "sleep")).isEqualTo(3);
        });
    }

    @Test
    void resultBytesOfOwnedPartitionsAreReported() {
        String session = client.sessions().create("stored", Map.of()).id();
        assertThat(sample("weft_result_stored_bytes")).isEqualTo(0);
        ResultMeta result = client.results().create(session, "blob.bin", "application/octet-stream", Duration.ofMinutes(5));
        client.results().upload(result.id(), new ByteArrayInputStream(new byte[256 * 1024]));
        assertThat(sample("weft_result_stored_bytes")).isGreaterThanOrEqualTo(256 * 1024);
    }

    private double sample(String name, String label, String value) {
        Double found = registry.getSampleValue(name, new String[] {label}, new String[] {value});
        return found == null ? 0 : found;
    }

    private double sample(String name) {
        Double found = registry.getSampleValue(name);
        return found == null ? 0 : found;
    }
}
