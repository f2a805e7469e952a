package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.weft.model.session.SessionState;
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

class SessionsTest {

    private TestCluster cluster;
    private WeftNode node;
    private WeftClient client;

    /** A cluster per test, with one sleep slot so that a second sleep task waits QUEUED. */
    @BeforeEach
    void startCluster() {
        cluster = TestCluster.of("sessions", 1, Map.of("sleep", 1));
        node = cluster.node(0);
        client = cluster.client();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void taskWithoutOptionsTakesItsSessionsDefaultsAndOneWithOptionsKeepsItsOwn() {
        TaskOptions defaults = TaskOptions.builder().priority(8).maxRetries(7).timeout(Duration.ofSeconds(9)).build();
        String session = client.sessions().create("defaults", Map.of(), defaults).id();
        TaskOptions own = TaskOptions.builder().priority(2).build();

        List<Task> tasks = client.tasks().submit(session, List.of(TaskSpec.of("echo", "{}"),
                TaskSpec.of("echo", "{}").withOptions(own)));

        assertThat(client.sessions().require(session).defaults()).isEqualTo(defaults);
        assertThat(client.tasks().get(tasks.get(0).id()).orElseThrow().spec().options()).isEqualTo(defaults);
        assertThat(client.tasks().get(tasks.get(1).id()).orElseThrow().spec().options()).isEqualTo(own);
    }

    @Test
    void closedSessionRefusesNewTasksAndFinishesTheOnesItHas() throws Exception {
        String session = client.sessions().create("closing", Map.of()).id();
        Task accepted = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":300}"));

        assertThat(client.sessions().close(session).state()).isEqualTo(SessionState.CLOSED);

        int before = cluster.tasksMap().size();
        assertThatThrownBy(() -> client.tasks().submit(session, TaskSpec.of("echo", "{}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(session)
                .hasMessageContaining("CLOSED");
        assertThat(cluster.tasksMap().size()).isEqualTo(before);
        assertThat(client.tasks().await(accepted.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(client.sessions().require(session).state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void cancelledSessionCancelsItsScheduledQueuedAndRunningTasks() throws Exception {
        String session = client.sessions().create("cancelling", Map.of()).id();
        String bystander = client.sessions().create("bystander", Map.of()).id();
        Task running = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":30000}"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.tasks().get(running.id()).orElseThrow().status() == TaskStatus.RUNNING);
        List<Task> queued = client.tasks().submit(session,
                List.of(TaskSpec.of("sleep", "{\"ms\":30000}"), TaskSpec.of("sleep", "{\"ms\":30000}")));
        Task scheduled = client.tasks().submit(session, TaskSpec.of("echo", "{}")
                .withOptions(TaskOptions.builder().delay(Duration.ofMinutes(1)).build()));
        Task untouched = client.tasks().submit(bystander, TaskSpec.of("echo", "{}")
                .withOptions(TaskOptions.builder().delay(Duration.ofMinutes(1)).build()));
        assertThat(queued).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.QUEUED));

        assertThat(client.sessions().cancel(session).state()).isEqualTo(SessionState.CANCELLED);

        assertThat(client.tasks().list(session, null))
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.status()).as("task %s", t.id()).isEqualTo(TaskStatus.CANCELLED));
        assertThat(client.tasks().get(untouched.id()).orElseThrow().status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(client.tasks().get(scheduled.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
        // The running attempt is interrupted, well before its 30 s sleep would end.
        await().atMost(Duration.ofSeconds(5)).until(() -> node.runningAttempts().count() == 0);
        assertThat(queued).allSatisfy(t ->
                assertThat(TaskHistory.everRan(client.tasks().get(t.id()).orElseThrow())).isFalse());
        assertThatThrownBy(() -> client.tasks().submit(session, TaskSpec.of("echo", "{}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CANCELLED");
    }
}
