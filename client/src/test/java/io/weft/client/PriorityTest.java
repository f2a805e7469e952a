package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PriorityTest {

    private static final int LOW = 1;
    private static final int HIGH = 9;

    @Test
    void higherPriorityDueTaskStartsBeforeLowerOnesUnderSaturation() throws Exception {
        try (TestCluster cluster = TestCluster.of("priority", 1, Map.of("sleep", 1))) {
            WeftClient client = cluster.client();
            String session = client.sessions().create("priority", Map.of()).id();
            Task blocker = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":500}"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> client.tasks().get(blocker.id()).orElseThrow().status() == TaskStatus.RUNNING);

            List<TaskSpec> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(shortSleep(LOW));
            }
            for (int i = 0; i < 5; i++) {
                batch.add(shortSleep(HIGH));
            }
            List<Task> submitted = client.tasks().submit(session, batch);

            List<Task> done = new ArrayList<>();
            for (Task task : submitted) {
                done.add(client.tasks().await(task.id()).get(30, TimeUnit.SECONDS));
            }
            assertThat(done).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
            Instant blockerStarted = TaskHistory.firstRunningAt(client.tasks().get(blocker.id()).orElseThrow());
            assertThat(done).allSatisfy(t -> assertThat(TaskHistory.firstRunningAt(t)).isAfter(blockerStarted));
            List<Integer> priorityByStart = done.stream()
                    .sorted(Comparator.comparing(TaskHistory::firstRunningAt))
                    .map(Task::priority)
                    .toList();
            assertThat(priorityByStart).containsExactly(HIGH, HIGH, HIGH, HIGH, HIGH, LOW, LOW, LOW, LOW, LOW);
        }
    }

    private static TaskSpec shortSleep(int priority) {
        return TaskSpec.of("sleep", "{\"ms\":10}").withOptions(TaskOptions.builder().priority(priority).build());
    }
}
