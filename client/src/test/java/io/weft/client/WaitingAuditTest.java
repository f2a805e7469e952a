package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.task.ErrorType;
import io.weft.model.task.InputTally;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.dependencies.WaitingTaskAudit;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit under the event path: a WAITING task whose input settled without telling it (its event
 * was lost with a member; here, it was never registered) is moved on by the audit.
 */
class WaitingAuditTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("audit", 1);
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void auditStartsAWaitingTaskWhoseInputCompletedUnseenAndFailsOneWhoseInputIsGone() throws Exception {
        String session = client.sessions().create("audit", Map.of()).id();
        String input = client.results().create(session, "in", "text/plain", Duration.ofHours(1)).id();
        client.results().upload(input, new ByteArrayInputStream(new byte[] {7}));
        Task unseen = strandedWaitingTask(session, input);
        Task orphan = strandedWaitingTask(session, "r-deleted-long-ago");
        List<Task> moved = new ArrayList<>();
        WaitingTaskAudit audit = new WaitingTaskAudit(cluster.node(0).hazelcast(),
                new TaskGraph(cluster.node(0).hazelcast(), Clock.systemUTC(), moved::add), Clock.systemUTC(), Duration.ZERO);

        int count = audit.audit();

        assertThat(count).isEqualTo(2);
        Task started = client.tasks().await(unseen.id()).get(30, TimeUnit.SECONDS);
        assertThat(started.status()).isEqualTo(TaskStatus.SUCCEEDED);
        Task failed = client.tasks().get(orphan.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error().type()).isEqualTo(ErrorType.DEPENDENCY_FAILED);
        assertThat(moved).extracting(Task::id).containsExactlyInAnyOrder(unseen.id(), orphan.id());
        assertThat(audit.audit()).as("a second pass finds nothing left to do").isZero();
    }

    @Test
    void auditReadiesATaskOfSeveralInputsWhoseTallyIsMissingOrWhollyCountedUnseen() throws Exception {
        String session = client.sessions().create("audit-tally", Map.of()).id();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String input = client.results().create(session, "in" + i, "text/plain", Duration.ofHours(1)).id();
            client.results().upload(input, new ByteArrayInputStream(new byte[i + 1]));
            inputs.add(input);
        }
        // Its inserting member died before writing the tally.
        Task untallied = strandedWaitingTask(session, inputs);
        // Every input counted, but the member counting the last one died before readying it.
        Task counted = strandedWaitingTask(session, inputs);
        InputTally all = InputTally.allPending(session, 3).ready(0, inputs.get(0), 1).ready(1, inputs.get(1), 2)
                .ready(2, inputs.get(2), 3);
        cluster.node(0).hazelcast().getMap(GridNames.INPUTS).set(counted.id(), all);
        WaitingTaskAudit audit = new WaitingTaskAudit(cluster.node(0).hazelcast(),
                new TaskGraph(cluster.node(0).hazelcast(), Clock.systemUTC(), task -> { }), Clock.systemUTC(), Duration.ZERO);

        assertThat(audit.audit()).isEqualTo(2);

        for (Task task : List.of(untallied, counted)) {
            Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(done.inputs().largest()).as("the largest input, for locality").isEqualTo(inputs.get(2));
        }
        // A ready task's tally is forgotten.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !cluster.node(0).hazelcast().getMap(GridNames.INPUTS).containsKey(untallied.id()));
    }

    /** A WAITING task put straight into the grid, as if its registration's event had been lost. */
    private static Task strandedWaitingTask(String session, String input) {
        return strandedWaitingTask(session, List.of(input));
    }

    private static Task strandedWaitingTask(String session, List<String> inputs) {
        Task task = Task.create(Ids.newTaskId(), session,
                new TaskSpec("echo", "{}", null, inputs, null, null, null),
                Instant.now().minusSeconds(1));
        cluster.tasksMap().set(task.id(), task);
        return task;
    }
}
