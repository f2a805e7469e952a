package io.weft.node.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node's batching of count changes, on a real member, flushed by hand (no schedule). */
class SessionCountsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private static WeftNode node;
    private static IMap<String, TaskCounts> counts;

    @BeforeAll
    static void startNode() {
        node = WeftNode.start(NodeSettings.builder().clusterName("counts-" + UUID.randomUUID().toString().substring(0, 8))
                .members(List.of("127.0.0.1")).metricsPort(0).build());
        counts = node.hazelcast().getMap(GridNames.SESSION_COUNTS);
    }

    @AfterAll
    static void stopNode() {
        node.terminate();
    }

    @Test
    void changesAreSummedPerSessionAndWrittenOncePerFlush() throws Exception {
        counts.set("s-busy", TaskCounts.NONE);
        counts.set("s-quiet", TaskCounts.NONE);
        SessionCounts batch = new SessionCounts(node.hazelcast());
        for (int i = 0; i < 500; i++) {
            Task created = Task.create("t-" + i, "s-busy", TaskSpec.of("echo", "{}"), T0);
            batch.record(created);
            batch.record(created.claim("member-a", T0.plusSeconds(1)));
        }
        for (int i = 0; i < 3; i++) {
            batch.record(Task.create("t-q" + i, "s-quiet", TaskSpec.of("echo", "{}"), T0));
        }
        long versionBefore = counts.getEntryView("s-busy").getVersion();

        batch.flush().get(10, TimeUnit.SECONDS);

        assertThat(counts.get("s-busy")).isEqualTo(new TaskCounts(Map.of(TaskStatus.QUEUED, 0L, TaskStatus.RUNNING, 500L)));
        assertThat(counts.get("s-quiet")).isEqualTo(new TaskCounts(Map.of(TaskStatus.QUEUED, 3L)));
        assertThat(counts.getEntryView("s-busy").getVersion()).as("writes of s-busy").isEqualTo(versionBefore + 1);

        batch.flush().get(10, TimeUnit.SECONDS);

        assertThat(counts.getEntryView("s-busy").getVersion()).as("an empty flush writes nothing").isEqualTo(versionBefore + 1);
        batch.close();
    }

    @Test
    void changeOfAPurgedSessionRecreatesNoCounts() throws Exception {
        SessionCounts batch = new SessionCounts(node.hazelcast());
        batch.record(Task.create("t-gone", "s-purged", TaskSpec.of("echo", "{}"), T0));

        batch.flush().get(10, TimeUnit.SECONDS);

        assertThat(counts.containsKey("s-purged")).isFalse();
        batch.close();
    }
}
