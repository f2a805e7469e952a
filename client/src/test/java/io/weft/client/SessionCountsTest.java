package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionCountsTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TestCluster cluster;
    private WeftClient client;

    @BeforeEach
    void startCluster() {
        cluster = TestCluster.of("counts", 2, Map.of("sleep", 4));
        client = cluster.client();
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void countsAfterAMixedWorkloadEqualWhatListingTheTasksSays() {
        String session = client.sessions().create("mixed", Map.of()).id();
        assertThat(client.sessions().counts(session)).isEqualTo(TaskCounts.NONE);
        List<TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            specs.add(TaskSpec.of("echo", "{\"i\":" + i + "}").withIdempotencyKey("echo-" + i));
        }
        for (int i = 0; i < 5; i++) {
            specs.add(TaskSpec.of("fail", "{}").withOptions(TaskOptions.builder().maxRetries(0).build()));
            specs.add(TaskSpec.of("fail", "{\"times\":1}")
                    .withOptions(TaskOptions.builder().maxRetries(2).backoff(Duration.ofMillis(50)).build()));
        }
        client.tasks().submit(session, specs);
        // Submitting the same keys again stores and counts nothing new.
        client.tasks().submit(session, specs.subList(0, 20));
        List<Task> delayed = client.tasks().submit(session, List.of(delayedEcho(), delayedEcho(), delayedEcho()));
        Task running = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":60000}"));
        await().atMost(LIMIT).until(() -> client.tasks().get(running.id()).orElseThrow().status() == TaskStatus.RUNNING);
        delayed.forEach(t -> client.tasks().cancel(t.id()));
        client.tasks().cancel(running.id());
        // Cancelling what is already cancelled changes nothing.
        client.tasks().cancel(running.id());
        await().atMost(LIMIT).until(() -> client.tasks().list(session, null).stream().allMatch(t -> t.status().isTerminal()));

        await().atMost(LIMIT).untilAsserted(() -> assertThat(kept(session)).isEqualTo(listed(session)));
        assertThat(listed(session)).isEqualTo(Map.of(TaskStatus.SUCCEEDED, 25L, TaskStatus.FAILED, 5L, TaskStatus.CANCELLED, 4L));
        List<Task> retried = client.tasks().list(session, TaskStatus.SUCCEEDED).stream().filter(t -> t.type().equals("fail")).toList();
        assertThat(retried).hasSize(5).allSatisfy(t -> assertThat(t.attempt()).isEqualTo(2));
        // Statuses the tasks passed through read 0 rather than disappearing.
        assertThat(client.sessions().counts(session).byStatus())
                .containsEntry(TaskStatus.QUEUED, 0L).containsEntry(TaskStatus.RUNNING, 0L).containsEntry(TaskStatus.SCHEDULED, 0L);
    }

    @Test
    void sessionsCountsAreRecountedFromTheTasksAfterAMemberLeaves() {
        String busy = client.sessions().create("busy", Map.of()).id();
        String finished = client.sessions().create("finished", Map.of()).id();
        List<Task> echoes = client.tasks().submit(busy, List.of(TaskSpec.of("echo", "1"), TaskSpec.of("echo", "2")));
        client.tasks().submit(busy, List.of(TaskSpec.of("sleep", "{\"ms\":600000}"), TaskSpec.of("sleep", "{\"ms\":600000}")));
        Task done = client.tasks().submit(finished, TaskSpec.of("echo", "3"));
        await().atMost(LIMIT).until(() -> client.tasks().get(done.id()).orElseThrow().status() == TaskStatus.SUCCEEDED
                && echoes.stream().allMatch(t -> client.tasks().get(t.id()).orElseThrow().status() == TaskStatus.SUCCEEDED));
        await().atMost(LIMIT).untilAsserted(() -> assertThat(kept(finished)).isEqualTo(listed(finished)));
        // Counts gone wrong as a member's lost changes would leave them.
        IMap<String, TaskCounts> counts = cluster.node(0).hazelcast().getMap(GridNames.SESSION_COUNTS);
        counts.set(busy, new TaskCounts(Map.of(TaskStatus.RUNNING, 7L)));
        counts.set(finished, new TaskCounts(Map.of(TaskStatus.RUNNING, 1L, TaskStatus.SUCCEEDED, 0L)));
        WeftNode lost = cluster.addNode();

        lost.terminate();

        await().atMost(LIMIT).untilAsserted(() -> {
            assertThat(kept(busy)).isEqualTo(listed(busy));
            assertThat(kept(finished)).isEqualTo(Map.of(TaskStatus.SUCCEEDED, 1L));
        });
    }

    private static TaskSpec delayedEcho() {
        return TaskSpec.of("echo", "{}").withOptions(TaskOptions.builder().delay(Duration.ofHours(1)).build());
    }

    private Map<TaskStatus, Long> listed(String session) {
        return CountsOf.listed(client, session);
    }

    private Map<TaskStatus, Long> kept(String session) {
        return CountsOf.kept(client, session);
    }
}
