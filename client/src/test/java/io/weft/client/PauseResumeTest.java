package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.weft.model.session.IllegalSessionTransitionException;
import io.weft.model.session.SessionState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.failover.StrandedTaskSweeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PauseResumeTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TestCluster cluster;
    private WeftClient client;

    /**
     * Two nodes with two sleep slots each, and a sweep that never comes during a test: only the event
     * path (dispatch, and the pause and resume broadcasts) moves tasks, so what a test sees is its doing.
     */
    @BeforeEach
    void startCluster() {
        cluster = TestCluster.of("pause", 2, Map.of("sleep", 2), Duration.ofHours(1));
        client = cluster.client();
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void pausedSessionStartsNothingUntilResumed() {
        String session = client.sessions().create("paused", Map.of()).id();
        List<Task> submitted = client.tasks().submit(session, sleeps(12, 1_500));
        await().atMost(LIMIT).until(() -> !startedIn(session).isEmpty());

        assertThat(client.sessions().pause(session).state()).isEqualTo(SessionState.PAUSED);

        Set<String> startedBeforePause = startedIn(session);
        assertThat(startedBeforePause).hasSizeLessThan(submitted.size());
        // Running ones finish.
        await().atMost(LIMIT).until(() -> startedBeforePause.stream()
                .allMatch(id -> client.tasks().get(id).orElseThrow().status() == TaskStatus.SUCCEEDED));
        // A delayed task that falls due becomes QUEUED and waits; a new task is taken and waits too.
        Task delayed = client.tasks().submit(session, TaskSpec.of("echo", "{}")
                .withOptions(TaskOptions.builder().delay(Duration.ofMillis(300)).build()));
        Task late = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        await().atMost(LIMIT).until(() -> client.tasks().get(delayed.id()).orElseThrow().status() == TaskStatus.QUEUED);
        // Meanwhile the nodes work for other sessions.
        String other = client.sessions().create("open", Map.of()).id();
        Task elsewhere = client.tasks().submit(other, TaskSpec.of("sleep", "{\"ms\":1}"));
        await().atMost(LIMIT).until(() -> client.tasks().get(elsewhere.id()).orElseThrow().status() == TaskStatus.SUCCEEDED);

        List<Task> waiting = client.tasks().list(session, null).stream()
                .filter(t -> !startedBeforePause.contains(t.id())).toList();
        assertThat(waiting).hasSize(submitted.size() - startedBeforePause.size() + 2)
                .extracting(Task::id).contains(delayed.id(), late.id());
        assertThat(waiting).allSatisfy(t -> {
            assertThat(t.status()).as("task %s", t.id()).isEqualTo(TaskStatus.QUEUED);
            assertThat(TaskHistory.everRan(t)).as("task %s ran: %s", t.id(), t.history()).isFalse();
        });
        awaitCountsAsListed(session);

        assertThat(client.sessions().resume(session).state()).isEqualTo(SessionState.OPEN);

        // The sweep never comes: the resume itself hands the waiting tasks to the nodes.
        await().atMost(LIMIT).until(() -> client.tasks().list(session, null).stream()
                .allMatch(t -> t.status() == TaskStatus.SUCCEEDED));
        awaitCountsAsListed(session);
        assertThat(client.sessions().counts(session).get(TaskStatus.SUCCEEDED)).isEqualTo(submitted.size() + 2);
    }

    @Test
    void pauseAndResumeHoldOnEveryMemberWhenTheyReturn() {
        String session = client.sessions().create("everywhere", Map.of()).id();

        client.sessions().pause(session);

        assertThat(cluster.nodes()).allSatisfy(node -> assertThat(node.pausedSessions().isPaused(session)).isTrue());

        client.sessions().resume(session);

        assertThat(cluster.nodes()).allSatisfy(node -> assertThat(node.pausedSessions().isPaused(session)).isFalse());
    }

    @Test
    void sweepLeavesTheTasksOfAPausedSessionAlone() {
        String session = client.sessions().create("swept", Map.of()).id();
        client.sessions().pause(session);
        List<Task> waiting = client.tasks().submit(session, sleeps(50, 1));

        for (WeftNode node : cluster.nodes()) {
            StrandedTaskSweeper sweeper = new StrandedTaskSweeper(node.hazelcast(), node.dispatcher(), node.metrics(),
                    node.clock(), Duration.ZERO, node.pausedSessions(), node.sessionCounts());
            assertThat(sweeper.sweep()).as("tasks the sweep moved").isZero();
        }

        assertThat(client.tasks().list(session, null)).hasSize(waiting.size())
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.QUEUED));
        assertThat(cluster.nodes()).allSatisfy(node ->
                assertThat(waiting).noneMatch(t -> node.dispatcher().holds(t.id())));
    }

    @Test
    void closingAPausedSessionRunsTheTasksItHas() {
        String session = client.sessions().create("closing", Map.of()).id();
        client.sessions().pause(session);
        List<Task> waiting = client.tasks().submit(session, sleeps(5, 1));

        assertThat(client.sessions().close(session).state()).isEqualTo(SessionState.CLOSED);

        await().atMost(LIMIT).until(() -> waiting.stream()
                .allMatch(t -> client.tasks().get(t.id()).orElseThrow().status() == TaskStatus.SUCCEEDED));
    }

    @Test
    void cancellingAPausedSessionCancelsItsTasksWithoutRunningThem() {
        String session = client.sessions().create("cancelled", Map.of()).id();
        client.sessions().pause(session);
        client.tasks().submit(session, sleeps(5, 1));

        assertThat(client.sessions().cancel(session).state()).isEqualTo(SessionState.CANCELLED);

        assertThat(client.tasks().list(session, null)).hasSize(5).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(TaskHistory.everRan(t)).isFalse();
        });
        awaitCountsAsListed(session);
    }

    @Test
    void refusedMovesAreNamedAndChangeNothing() {
        String session = client.sessions().create("moves", Map.of()).id();

        assertThatThrownBy(() -> client.sessions().resume(session))
                .isInstanceOf(IllegalSessionTransitionException.class)
                .hasMessageContaining(session).hasMessageContaining("OPEN").hasMessageContaining("cannot become OPEN");
        assertThat(client.sessions().require(session).state()).isEqualTo(SessionState.OPEN);

        client.sessions().pause(session);
        assertThatThrownBy(() -> client.sessions().pause(session)).isInstanceOf(IllegalSessionTransitionException.class)
                .hasMessageContaining("is PAUSED and cannot become PAUSED");
        assertThat(cluster.nodes()).allSatisfy(node -> assertThat(node.pausedSessions().isPaused(session)).isTrue());

        client.sessions().close(session);
        assertThatThrownBy(() -> client.sessions().pause(session)).isInstanceOf(IllegalSessionTransitionException.class)
                .hasMessageContaining("is CLOSED and cannot become PAUSED");
        assertThatThrownBy(() -> client.sessions().resume(session)).isInstanceOf(IllegalSessionTransitionException.class);
        assertThat(client.sessions().require(session).state()).isEqualTo(SessionState.CLOSED);
        assertThat(cluster.nodes()).allSatisfy(node -> assertThat(node.pausedSessions().isPaused(session)).isFalse());

        assertThatThrownBy(() -> client.sessions().pause("s-nosuch")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("s-nosuch");
    }

    private static List<TaskSpec> sleeps(int n, long ms) {
        List<TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(TaskSpec.of("sleep", "{\"ms\":" + ms + "}"));
        }
        return specs;
    }

    /** The tasks of the session that have ever run, by their histories. */
    private Set<String> startedIn(String session) {
        return client.tasks().list(session, null).stream().filter(TaskHistory::everRan).map(Task::id)
                .collect(Collectors.toSet());
    }

    private void awaitCountsAsListed(String session) {
        await().atMost(LIMIT).untilAsserted(() ->
                assertThat(CountsOf.kept(client, session)).isEqualTo(CountsOf.listed(client, session)));
    }
}
