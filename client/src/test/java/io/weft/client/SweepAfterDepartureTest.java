package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's departure brings a sweep pass that offers the QUEUED tasks no lane holds at once, not at
 * the periodic pass's turn: the nodes here sweep every hour, so only the departure can make it.
 */
class SweepAfterDepartureTest {

    private TestCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = TestCluster.of("departure-sweep", 2, Map.of(), Duration.ofHours(1));
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void aMemberLeavingBringsASweepThatOffersTheQueuedTasksNoLaneHolds() {
        WeftClient client = cluster.client();
        String session = client.sessions().create("stranded", Map.of()).id();
        WeftNode survivor = cluster.node(0);
        // No node serves this type (so it is written to the grid directly, past the submit's check): the
        // task stays QUEUED in no lane, as, to a survivor, a waiting task of a member that died does, or
        // an attempt it had started without writing its start yet.
        Task stranded = Task.create(Ids.newTaskId(), session, TaskSpec.of("served-nowhere", "{}"), Instant.now());
        survivor.hazelcast().<String, Task>getMap(GridNames.TASKS).set(stranded.id(), stranded);
        double sweptBefore = survivor.metrics().sweptTasks.get();

        cluster.node(1).terminate();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> survivor.metrics().sweptTasks.get() > sweptBefore);
        assertThat(client.tasks().get(stranded.id())).hasValueSatisfying(t ->
                assertThat(t.status()).as("offered again, still served nowhere").isEqualTo(TaskStatus.QUEUED));
    }
}
