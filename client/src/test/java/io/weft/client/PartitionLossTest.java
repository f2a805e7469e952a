package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.weft.model.cluster.DataLostException;
import io.weft.model.cluster.LostPartition;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.cluster.ClusterState;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invariant 8: loss is loud. Two of three members die at once with one backup: what is lost says so. */
class PartitionLossTest {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionLossTest.class);
    private static final int TASKS = 3_000;
    private static final int BATCH = 500;
    private static final int RESULTS = 12;
    /** Three chunks and a byte: most results have a chunk in a lost partition. */
    private static final int RESULT_BYTES = 3 * (1 << 20) + 1;

    @Test
    void everyTaskLostWithItsPartitionAnswersGoneAndEachLossIsRecordedOnce() throws Exception {
        // Quorum 1: the survivor of two deaths keeps taking writes (with a majority quorum it would
        // refuse them, as it cannot tell two dead members from a split), so it records the losses.
        try (QuorumCluster cluster = QuorumCluster.start("loss", 3, Map.of(), b -> b.quorum(1))) {
            WeftNode survivor = cluster.node(0);
            WeftClient client = WeftClient.embedded(survivor.hazelcast());
            String session = client.sessions().create("loss", Map.of()).id();
            List<String> ids = new ArrayList<>(TASKS);
            for (int sent = 0; sent < TASKS; sent += BATCH) {
                List<TaskSpec> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(TaskSpec.of("echo", "{\"i\":" + (sent + i) + "}"));
                }
                client.tasks().submit(session, batch).forEach(t -> ids.add(t.id()));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    client.tasks().list(session, TaskStatus.SUCCEEDED).size() == TASKS);
            List<String> results = new ArrayList<>();
            for (int r = 0; r < RESULTS; r++) {
                String rid = client.results().create(session, "r" + r, "application/octet-stream", Duration.ofHours(1)).id();
                client.results().upload(rid, new ByteArrayInputStream(new byte[RESULT_BYTES]));
                results.add(rid);
            }
            assertThat(client.lost().all()).isEmpty();
            assertThat(survivor.clusterState().servable()).isTrue();

            cluster.node(1).terminate();
            cluster.node(2).terminate();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ClusterState state = survivor.clusterState();
                return state.seen() == 1 && state.partitionsLost() > 0 && state.lossesUnreported() == 0
                        && state.partitionsUnowned() == 0;
            });
            List<LostPartition> lost = client.lost().all();
            LOG.info("{} partitions lost: {}", lost.size(), lost.stream().limit(3).map(LostPartition::describe).toList());
            assertThat(lost).hasSize((int) survivor.clusterState().partitionsLost());
            Set<Integer> lostIds = lost.stream().map(LostPartition::partitionId).collect(Collectors.toSet());
            assertThat(lost).allSatisfy(p -> {
                assertThat(p.gone()).hasSize(2);
                assertThat(p.maps()).contains("weft.tasks");
                assertThat(p.backupCount()).isEqualTo(1);
            });

            Map<Boolean, List<String>> byPresence = new HashMap<>();
            for (String id : ids) {
                byPresence.computeIfAbsent(client.tasks().get(id).isPresent(), k -> new ArrayList<>()).add(id);
            }
            List<String> missing = byPresence.getOrDefault(false, List.of());
            int lostTasks = missing.size();
            LOG.info("{} of {} tasks lost", missing.size(), TASKS);
            assertThat(missing).as("with one backup, two deaths lose something").isNotEmpty();
            for (String id : missing) {
                NoSuchElementException answer = client.lost().missing("task", id);
                assertThat(answer).as("task %s", id).isInstanceOf(DataLostException.class);
                assertThat(answer.getMessage()).contains("lost with partition");
                assertThat(lostIds).contains(((DataLostException) answer).lost().partitionId());
            }
            for (String id : byPresence.getOrDefault(true, List.of())) {
                assertThat(client.lost().of(id)).as("task %s is there", id).isEmpty();
            }
            // An id that never was, in a partition that was not lost, is still "no such task".
            assertThat(client.lost().missing("task", "t-never")).satisfiesAnyOf(
                    e -> assertThat(e).isNotInstanceOf(DataLostException.class),
                    e -> assertThat(lostIds).contains(((DataLostException) e).lost().partitionId()));
            // A result that lost some of its chunks is LOST: not a byte of it is read, and a task that
            // depends on it fails with a dependency error; one that kept them all reads whole.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> results.stream()
                    .map(rid -> client.results().get(rid)).filter(Optional::isPresent)
                    .anyMatch(m -> m.get().status() == ResultStatus.LOST));
            Thread.sleep(2_000);
            int lostResults = 0;
            String aLostResult = null;
            for (String rid : results) {
                Optional<ResultMeta> meta = client.results().get(rid);
                if (meta.isEmpty()) {
                    assertThat(client.lost().missing("result", rid)).isInstanceOf(DataLostException.class);
                } else if (meta.get().status() == ResultStatus.LOST) {
                    lostResults++;
                    aLostResult = rid;
                    assertThat(catchThrowable(() -> client.results().openDownload(rid))).isInstanceOf(DataLostException.class);
                    assertThat(client.lost().lostResult(meta.get()).lost()).isNotNull();
                } else {
                    assertThat(meta.get().status()).isEqualTo(ResultStatus.COMPLETED);
                    try (InputStream in = client.results().openDownload(rid)) {
                        assertThat(in.readAllBytes()).hasSize(RESULT_BYTES);
                    }
                }
            }
            LOG.info("{} of {} results LOST", lostResults, RESULTS);
            if (client.sessions().get(session).isPresent()) {
                String reader = client.tasks().submit(session, new TaskSpec("checksum", "{\"result\":\"" + aLostResult + "\"}",
                        null, List.of(aLostResult), List.of(), null, null)).id();
                Task failed = client.tasks().await(reader).get(30, TimeUnit.SECONDS);
                assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
                assertThat(failed.error().type()).isEqualTo(ErrorType.DEPENDENCY_FAILED);
            }

            // The session's counts are recounted from the tasks that are left (when its counts survived).
            if (client.sessions().get(session).isPresent()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                        CountsOf.kept(client, session).equals(CountsOf.listed(client, session)));
                assertThat(CountsOf.listed(client, session).get(TaskStatus.SUCCEEDED)).isEqualTo((long) (TASKS - lostTasks));
            } else {
                assertThat(client.lost().missing("session", session)).isInstanceOf(DataLostException.class);
            }
            // Health tells the truth: everything lost was reported, the survivor can serve again.
            assertThat(survivor.health().ready()).isTrue();
        }
    }
}
