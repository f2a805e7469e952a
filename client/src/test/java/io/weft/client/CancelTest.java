package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CancelTest {

    private final GateHandler gate = new GateHandler();
    private TestCluster cluster;
    private WeftNode node;
    private WeftClient client;

    /** A cluster per test: a task left running by one test must not hold the slot another needs. */
    @BeforeEach
    void startCluster() {
        // One slot of each: a second task of a type waits QUEUED behind the first.
        cluster = TestCluster.withHandlers("cancel", 1, Map.of("sleep", 1, GateHandler.TYPE, 1), List.of(gate));
        node = cluster.node(0);
        client = cluster.client();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void scheduledTaskIsCancelledAtOnce() {
        String session = newSession();
        TaskSpec delayed = TaskSpec.of("echo", "{}").withOptions(TaskOptions.builder().delay(Duration.ofMinutes(1)).build());
        Task submitted = client.tasks().submit(session, delayed);
        assertThat(submitted.status()).isEqualTo(TaskStatus.SCHEDULED);

        Task cancelled = client.tasks().cancel(submitted.id());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.error().type()).isEqualTo(ErrorType.CANCELLED);
        Task stored = client.tasks().get(submitted.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(TaskHistory.everRan(stored)).isFalse();
    }

    @Test
    void queuedTaskIsCancelledAndNeverRuns() throws Exception {
        String session = newSession();
        Task blocker = client.tasks().submit(session, sleep(1_500));
        awaitStatus(blocker, TaskStatus.RUNNING);
        Task waiting = client.tasks().submit(session, sleep(10));
        assertThat(waiting.status()).isEqualTo(TaskStatus.QUEUED);

        Task cancelled = client.tasks().cancel(waiting.id());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(client.tasks().await(blocker.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        // The freed slot goes to the next task, not to the cancelled one.
        Task next = client.tasks().submit(session, sleep(10));
        assertThat(client.tasks().await(next.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        Task stored = client.tasks().get(waiting.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(TaskHistory.everRan(stored)).as("history %s", stored.history()).isFalse();
    }

    @Test
    void taskCancelledWhileItWaitsForASlotNeverStartsItsHandler() throws Exception {
        String session = newSession();
        Task holder = client.tasks().submit(session, TaskSpec.of(GateHandler.TYPE, GateHandler.input("holder", true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.started().contains("holder"));
        Task waiting = client.tasks().submit(session, TaskSpec.of(GateHandler.TYPE, GateHandler.input("waiting", false)));

        assertThat(client.tasks().cancel(waiting.id()).status()).isEqualTo(TaskStatus.CANCELLED);
        // The member that holds it has been told (it counts the cancel when told) before the slot frees.
        await().atMost(Duration.ofSeconds(10)).until(() -> node.metrics().cancelled.labels(GateHandler.TYPE).get() == 1);
        gate.open();

        assertThat(client.tasks().await(holder.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        Task next = client.tasks().submit(session, TaskSpec.of(GateHandler.TYPE, GateHandler.input("next", false)));
        assertThat(client.tasks().await(next.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(gate.started()).containsExactly("holder", "next");
        assertThat(client.tasks().get(waiting.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void taskCancelledJustAfterItsHandlerStartedIsInterrupted() {
        String session = newSession();
        Task held = client.tasks().submit(session, TaskSpec.of(GateHandler.TYPE, GateHandler.input("held", true)));
        // Cancelled as soon as its handler runs, most often before its start is written: the grid still
        // shows it QUEUED, and only the member that runs it knows.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> gate.started().contains("held"));

        Task cancelled = client.tasks().cancel(held.id());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.interrupted().contains("held"));
        await().atMost(Duration.ofSeconds(5)).until(() -> node.runningAttempts().count() == 0);
        Task stored = client.tasks().get(held.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(stored.output()).isNull();
    }

    @Test
    void runningTaskIsCancelledItsAttemptInterruptedAndItsLateCompletionRefused() {
        String session = newSession();
        Task running = client.tasks().submit(session, sleep(30_000));
        awaitStatus(running, TaskStatus.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.runningAttempts().count() == 1);
        double staleBefore = node.metrics().staleFenceRejections.get();

        Task cancelled = client.tasks().cancel(running.id());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        // The attempt's thread is interrupted, well before its 30 s sleep would end.
        await().atMost(Duration.ofSeconds(5)).until(() -> node.runningAttempts().count() == 0);
        // The interrupted attempt's completion comes too late: the fence refuses it.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> node.metrics().staleFenceRejections.get() > staleBefore);
        Task stored = client.tasks().get(running.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(stored.output()).isNull();
        assertThat(TaskHistory.entries(stored, TaskStatus.CANCELLED)).hasSize(1);
        assertThat(stored.history().get(stored.history().size() - 1).status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void cancellingAFinishedTaskLeavesItAsItWas() throws Exception {
        String session = newSession();
        Task submitted = client.tasks().submit(session, TaskSpec.of("echo", "{\"v\":1}"));
        Task done = client.tasks().await(submitted.id()).get(30, TimeUnit.SECONDS);

        Task after = client.tasks().cancel(submitted.id());

        assertThat(after.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(after.history()).isEqualTo(done.history());
        assertThat(after.output()).isEqualTo("{\"v\":1}");
    }

    private String newSession() {
        return client.sessions().create("cancel", Map.of()).id();
    }

    private static TaskSpec sleep(long ms) {
        return TaskSpec.of("sleep", "{\"ms\":" + ms + "}");
    }

    private void awaitStatus(Task task, TaskStatus status) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.tasks().get(task.id()).orElseThrow().status() == status);
    }
}
