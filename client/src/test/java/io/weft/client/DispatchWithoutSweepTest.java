package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks reach a dispatcher by the event paths alone, on every member: a new QUEUED task is taken by
 * the member that inserted it (the scheduler job is not told of such tasks), and a task that becomes
 * due later (a delayed one when its time comes, a failed attempt with retries left) reaches the
 * scheduler job of the member that owns it. The sweep waits an hour here, so nothing else could start
 * them.
 */
class DispatchWithoutSweepTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("dispatch", 2, Map.of("echo", 4, "fail", 4), Duration.ofHours(1));
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void newTasksOnEveryMemberRunWithoutTheSweep() throws Exception {
        String session = client.sessions().create("new", Map.of()).id();
        List<Task> submitted = client.tasks().submit(session,
                IntStream.range(0, 200).mapToObj(i -> TaskSpec.of("echo", String.valueOf(i))).toList());
        assertSpreadOverBothMembers(submitted);

        awaitAll(submitted);

        assertThat(client.tasks().list(session, TaskStatus.SUCCEEDED)).hasSize(200);
    }

    @Test
    void delayedTasksOnEveryMemberRunWhenDueWithoutTheSweep() throws Exception {
        String session = client.sessions().create("delayed", Map.of()).id();
        TaskOptions delayed = TaskOptions.builder().delay(Duration.ofMillis(300)).build();
        List<Task> submitted = client.tasks().submit(session, IntStream.range(0, 40)
                .mapToObj(i -> TaskSpec.of("echo", String.valueOf(i)).withOptions(delayed)).toList());
        assertThat(submitted).extracting(Task::status).containsOnly(TaskStatus.SCHEDULED);
        assertSpreadOverBothMembers(submitted);

        for (Task done : awaitAll(submitted)) {
            assertThat(done.status()).as("history %s", done.history()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(done.startedAt()).isAfterOrEqualTo(done.dueAt());
        }
    }

    @Test
    void failedAttemptsOnEveryMemberAreRetriedWithoutTheSweep() throws Exception {
        String session = client.sessions().create("retried", Map.of()).id();
        TaskOptions retried = TaskOptions.builder().maxRetries(2).backoff(Duration.ofMillis(50)).build();
        List<Task> submitted = client.tasks().submit(session, IntStream.range(0, 40)
                .mapToObj(i -> TaskSpec.of("fail", "{\"message\":\"once\",\"times\":1}").withOptions(retried)).toList());
        assertSpreadOverBothMembers(submitted);

        for (Task done : awaitAll(submitted)) {
            assertThat(done.status()).as("history %s", done.history()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(TaskHistory.entries(done, TaskStatus.RUNNING)).extracting(StatusChange::attempt).containsExactly(1, 2);
        }
    }

    private static void assertSpreadOverBothMembers(List<Task> tasks) {
        assertThat(tasks).extracting(t -> cluster.node(0).hazelcast().getPartitionService().getPartition(t.id())
                .getOwner().localMember()).contains(true, false);
    }

    private static List<Task> awaitAll(List<Task> submitted) throws Exception {
        List<CompletableFuture<Task>> done = submitted.stream().map(t -> client.tasks().await(t.id())).toList();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return done.stream().map(CompletableFuture::join).toList();
    }
}
