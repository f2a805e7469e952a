package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.cluster.Quorum;
import io.weft.node.merge.MergeConflicts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invariant 7: one cluster. A side without the quorum takes no write and starts no attempt; the sides merge. */
class SplitBrainTest {

    private static final Logger LOG = LoggerFactory.getLogger(SplitBrainTest.class);
    private static final int TASKS = 3_000;
    private static final int BATCH = 500;
    private static final int SLOTS = 4;

    @Test
    void minorityRefusesWritesAndTheSidesMergeWithoutReplacingAnOutcome() {
        try (QuorumCluster cluster = QuorumCluster.start("split", 3, Map.of("sleep", SLOTS), b -> b)) {
            WeftNode first = cluster.node(0);
            WeftNode second = cluster.node(1);
            WeftNode lone = cluster.node(2);
            assertThat(Quorum.of(first.hazelcast()).size()).isEqualTo(2);
            WeftClient client = WeftClient.embedded(first.hazelcast());
            String session = client.sessions().create("split", Map.of()).id();
            AtomicInteger succeeded = new AtomicInteger();
            client.events().subscribe(session, event -> {
                if (event.to() == TaskStatus.SUCCEEDED) {
                    succeeded.incrementAndGet();
                }
            });
            List<String> ids = new ArrayList<>(TASKS);
            for (int sent = 0; sent < TASKS; sent += BATCH) {
                List<TaskSpec> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(TaskSpec.of("sleep", "{\"ms\":100}"));
                }
                client.tasks().submit(session, batch).forEach(t -> ids.add(t.id()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> succeeded.get() >= TASKS / 4);
            long conflictsBefore = MergeConflicts.count();

            NetworkSplit split = new NetworkSplit();
            split.isolate(lone.hazelcast(), List.of(first.hazelcast(), second.hazelcast()));
            await().atMost(Duration.ofSeconds(30)).until(() -> lone.hazelcast().getCluster().getMembers().size() == 1
                    && first.hazelcast().getCluster().getMembers().size() == 2);
            LOG.info("split: {} of {} tasks succeeded", succeeded.get(), TASKS);
            assertThat(Quorum.of(lone.hazelcast()).present()).isFalse();
            assertThat(Quorum.of(first.hazelcast()).present()).isTrue();
            // Health tells the truth: the lone member is not ready and says why; its metrics say so too.
            assertThat(lone.health().ready()).isFalse();
            assertThat(lone.clusterState().reason()).contains("fewer than the quorum of 2");
            assertThat(lone.metrics().registry().getSampleValue("weft_cluster_quorum")).isEqualTo(0.0);
            assertThat(lone.metrics().registry().getSampleValue("weft_cluster_members")).isEqualTo(1.0);
            assertThat(first.metrics().registry().getSampleValue("weft_cluster_quorum")).isEqualTo(1.0);

            WeftClient minority = WeftClient.embedded(lone.hazelcast());
            Throwable refusedSession = catchThrowable(() -> minority.sessions().create("minority", Map.of()));
            // The minority holds only the partitions it had a replica of: the session may not be there at
            // all, and the submit fails either way; a write to the tasks map is refused as such.
            Throwable refusedTask = catchThrowable(() -> minority.tasks().submit(session, TaskSpec.of("echo", "{}")));
            Throwable refusedRemove = catchThrowable(() -> lone.hazelcast().getMap(GridNames.TASKS).delete(ids.get(0)));
            assertThat(causes(refusedSession)).as("a session created on the minority").anyMatch(
                    c -> c instanceof SplitBrainProtectionException);
            assertThat(refusedTask).as("a task submitted on the minority").isNotNull();
            assertThat(causes(refusedRemove)).as("a task removed on the minority").anyMatch(
                    c -> c instanceof SplitBrainProtectionException);
            // What ran on the minority when it was cut off ends; nothing new starts there.
            await().atMost(Duration.ofSeconds(15)).until(() -> lone.runningAttempts().count() == 0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> lone.runningAttempts().count() == 0);
            // The majority carries on meanwhile.
            int beforeHeal = succeeded.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> succeeded.get() > beforeHeal);

            long healedAt = System.nanoTime();
            split.heal();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.nodes().stream().allMatch(n -> n.hazelcast().getCluster().getMembers().size() == 3));
            LOG.info("merged {} ms after the network healed", (System.nanoTime() - healedAt) / 1_000_000);
            assertThat(Quorum.of(lone.hazelcast()).present()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.nodes().stream().allMatch(n -> n.health().ready()));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    client.tasks().list(session, null).stream().allMatch(t -> t.status().isTerminal()));
            List<Task> tasks = client.tasks().list(session, null);
            assertThat(tasks).extracting(Task::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(tasks).allSatisfy(t -> {
                assertThat(t.status()).as("task %s, history %s", t.id(), t.history()).isEqualTo(TaskStatus.SUCCEEDED);
                assertThat(TaskHistory.entries(t, TaskStatus.SUCCEEDED)).as("task %s", t.id()).hasSize(1);
            });
            // The attempts running on the lone member when it was cut off were run again by the majority
            // (at-least-once); the lone member may have written its own outcome before it knew it was
            // alone. The merge kept the majority's and counted each such conflict: at most one per slot.
            assertThat(MergeConflicts.count() - conflictsBefore).isLessThanOrEqualTo(SLOTS);
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
