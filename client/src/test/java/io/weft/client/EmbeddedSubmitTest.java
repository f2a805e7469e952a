package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client in a member's JVM inserts the tasks its own member owns there, without the executor; the
 * rest of the batch goes to its owners as before. Delayed tasks, so that no dispatch uses the
 * executor meanwhile (a due task of another member is forwarded through it).
 */
class EmbeddedSubmitTest {

    private static final int TASKS = 200;

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("embedded-submit", 2);
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void batchPartOwnedByTheCallersMemberSkipsTheExecutorAndTheRestReachesItsOwner() {
        String session = client.sessions().create("embedded", Map.of()).id();
        TaskOptions later = TaskOptions.builder().delay(Duration.ofMinutes(5)).build();
        List<TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            specs.add(TaskSpec.of("echo", "{\"n\":" + i + "}").withOptions(later));
        }
        long startedBefore0 = executorStarted(0);
        long startedBefore1 = executorStarted(1);

        List<Task> submitted = client.tasks().submit(session, specs);

        HazelcastInstance member0 = cluster.node(0).hazelcast();
        Member self = member0.getCluster().getLocalMember();
        long own = submitted.stream().filter(t -> self.equals(member0.getPartitionService().getPartition(t.id()).getOwner())).count();
        assertThat(own).as("the batch spans both members").isBetween(1L, (long) TASKS - 1);
        assertThat(executorStarted(0) - startedBefore0).as("calls run by the caller's member").isZero();
        assertThat(executorStarted(1) - startedBefore1).as("calls run by the other member").isEqualTo(1);
        for (int i = 0; i < TASKS; i++) {
            Task stored = cluster.tasksMap().get(submitted.get(i).id());
            assertThat(stored).as("task %d", i).isEqualTo(submitted.get(i));
            assertThat(stored.status()).isEqualTo(TaskStatus.SCHEDULED);
            assertThat(stored.spec().input()).isEqualTo("{\"n\":" + i + "}");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(CountsOf.kept(client, session)).isEqualTo(Map.of(TaskStatus.SCHEDULED, (long) TASKS)));
    }

    @Test
    void repeatedKeyOwnedByTheCallersMemberReturnsTheFirstTask() {
        String session = client.sessions().create("embedded-idem", Map.of()).id();
        TaskOptions later = TaskOptions.builder().delay(Duration.ofMinutes(5)).build();
        HazelcastInstance member0 = cluster.node(0).hazelcast();
        Task first = null;
        for (int i = 0; first == null && i < 1_000; i++) {
            Task candidate = client.tasks().submit(session, TaskSpec.of("echo", "{\"n\":1}").withOptions(later)
                    .withIdempotencyKey("k" + i));
            if (member0.getCluster().getLocalMember().equals(member0.getPartitionService().getPartition(candidate.id()).getOwner())) {
                first = candidate;
            }
        }
        assertThat(first).as("a key whose task the caller's member owns").isNotNull();

        Task second = client.tasks().submit(session, TaskSpec.of("echo", "{\"n\":2}").withOptions(later)
                .withIdempotencyKey(first.spec().idempotencyKey()));

        assertThat(second).isEqualTo(first);
        assertThat(cluster.tasksMap().get(first.id()).spec().input()).isEqualTo("{\"n\":1}");
    }

    private static long executorStarted(int node) {
        return cluster.node(node).hazelcast().getExecutorService(GridNames.EXECUTOR).getLocalExecutorStats().getStartedTaskCount();
    }
}
