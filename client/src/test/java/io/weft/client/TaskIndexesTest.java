package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import com.hazelcast.query.LocalIndexStats;
import com.hazelcast.query.Predicates;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tasks map keeps few indexes because every task change rewrites each of them; the queries the
 * sweep, the audits and the metrics ask by status must still be answered by an index, not a scan.
 */
class TaskIndexesTest {

    private static final String STATUS_INDEX = "weft.tasks_sorted_status_statusTime";

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("indexes", 1);
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void queriesByStatusAloneAreAnsweredByTheSortedStatusIndex() {
        String session = client.sessions().create("by-status", Map.of()).id();
        Task task = client.tasks().submit(session, List.of(TaskSpec.of("echo", "1"))).get(0);
        client.tasks().await(task.id()).join();
        IMap<String, Task> tasks = cluster.tasksMap();
        long before = queriesOf(tasks);

        Set<String> succeeded = tasks.localKeySet(Predicates.equal("status", TaskStatus.SUCCEEDED.name()));
        Set<String> waiting = tasks.localKeySet(Predicates.in("status", TaskStatus.SCHEDULED.name(), TaskStatus.QUEUED.name()));

        assertThat(succeeded).contains(task.id());
        assertThat(waiting).doesNotContain(task.id());
        assertThat(queriesOf(tasks) - before).isEqualTo(2);
    }

    @Test
    void aScheduledTaskIsFoundByItsDueTimeAndAnEndedOneByWhenItEnded() {
        String session = client.sessions().create("by-time", Map.of()).id();
        Instant runAt = Instant.now().plus(Duration.ofHours(1));
        Task later = client.tasks().submit(session, List.of(TaskSpec.of("echo", "2")
                .withOptions(TaskOptions.builder().runAt(runAt).build()))).get(0);
        Task done = client.tasks().submit(session, List.of(TaskSpec.of("echo", "3"))).get(0);
        Task ended = client.tasks().await(done.id()).join();
        IMap<String, Task> tasks = cluster.tasksMap();
        long before = queriesOf(tasks);

        Set<String> dueWithinTwoHours = tasks.localKeySet(Predicates.and(
                Predicates.equal("status", TaskStatus.SCHEDULED.name()),
                Predicates.lessThan("statusTime", runAt.plus(Duration.ofHours(1)).toEpochMilli())));
        Set<String> dueByNow = tasks.localKeySet(Predicates.and(
                Predicates.equal("status", TaskStatus.SCHEDULED.name()),
                Predicates.lessThan("statusTime", Instant.now().toEpochMilli())));
        long endedAt = ended.endedAt().toEpochMilli();
        Set<String> endedThen = tasks.localKeySet(Predicates.and(
                Predicates.equal("status", TaskStatus.SUCCEEDED.name()),
                Predicates.between("statusTime", endedAt, endedAt)));

        assertThat(dueWithinTwoHours).contains(later.id());
        assertThat(dueByNow).doesNotContain(later.id());
        assertThat(endedThen).contains(done.id());
        assertThat(queriesOf(tasks) - before).isEqualTo(3);
    }

    private static long queriesOf(IMap<String, Task> tasks) {
        LocalIndexStats stats = tasks.getLocalMapStats().getIndexStats().get(STATUS_INDEX);
        assertThat(stats).as("index %s of %s", STATUS_INDEX, tasks.getLocalMapStats().getIndexStats().keySet()).isNotNull();
        return stats.getQueryCount();
    }
}
