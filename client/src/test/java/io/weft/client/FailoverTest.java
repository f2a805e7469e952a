package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskEvent;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invariants 1 and 2: accepted means kept, and the outcome is written once, across a member's crash. */
class FailoverTest {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverTest.class);
    private static final int TASKS = 5_000;
    private static final int BATCH = 500;

    @Test
    void everyTaskSucceedsOnceWhenAMemberIsTerminatedMidway() {
        // 8 slots a node and attempts of 20 ms: the work lasts a few seconds, so the member dies midway,
        // and an attempt is shorter than the time after which its start is written (the grid shows it
        // QUEUED while it runs), the case fail-over must cover as well as a RUNNING one.
        try (TestCluster cluster = TestCluster.of("failover", 3, Map.of("sleep", 8))) {
            WeftClient client = WeftClient.embedded(cluster.node(0).hazelcast());
            String session = client.sessions().create("failover", Map.of()).id();
            Map<String, List<TaskEvent>> succeededEvents = new ConcurrentHashMap<>();
            AtomicInteger succeeded = new AtomicInteger();
            client.events().subscribe(session, event -> {
                if (event.to() == TaskStatus.SUCCEEDED) {
                    succeededEvents.computeIfAbsent(event.taskId(), id -> new CopyOnWriteArrayList<>()).add(event);
                    succeeded.incrementAndGet();
                }
            });

            List<String> ids = new ArrayList<>(TASKS);
            for (int sent = 0; sent < TASKS; sent += BATCH) {
                List<TaskSpec> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(TaskSpec.of("sleep", "{\"ms\":20}"));
                }
                client.tasks().submit(session, batch).forEach(t -> ids.add(t.id()));
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(TASKS);
            LOG.info("all {} tasks accepted; {} have succeeded so far", TASKS, succeeded.get());

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> succeeded.get() >= TASKS / 3);
            WeftNode victim = cluster.node(2);
            String dead = victim.memberId();
            // Kill it while it runs attempts, when it can be caught doing so: that is the case to prove.
            awaitQuietly(() -> victim.runningAttempts().count() > 0 || succeeded.get() > TASKS * 2 / 3);
            int runningOnVictim = victim.runningAttempts().count();
            int succeededAtCrash = succeeded.get();
            victim.terminate();
            LOG.info("terminated member {} with {} of {} tasks succeeded and {} attempts running on it", dead,
                    succeededAtCrash, TASKS, runningOnVictim);
            assertThat(succeededAtCrash).as("the member must die midway, not after the work").isLessThan(TASKS);

            awaitAllTerminal(client, session, Duration.ofSeconds(120));
            List<Task> tasks = client.tasks().list(session, null);

            assertThat(tasks).extracting(Task::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(tasks).allSatisfy(t -> {
                assertThat(t.status()).as("task %s, history %s", t.id(), t.history()).isEqualTo(TaskStatus.SUCCEEDED);
                assertThat(TaskHistory.entries(t, TaskStatus.SUCCEEDED)).as("task %s", t.id()).hasSize(1);
                assertThat(t.output()).isEqualTo("{\"slept\":20}");
            });
            // Each output was written once (above, from the histories). Events are at most once per
            // change, with one exception the grid cannot prevent: the dead member may have published
            // a change whose backup it never sent, and that change is then undone and made again.
            // Only a task that lost an attempt on the dead member may tell of success twice.
            Map<String, Task> byId = tasks.stream().collect(Collectors.toMap(Task::id, t -> t));
            awaitQuietly(() -> succeededEvents.size() == TASKS);
            assertThat(succeededEvents).allSatisfy((id, events) -> {
                if (events.size() > 1) {
                    assertThat(lostAnAttemptOn(byId.get(id), dead))
                            .as("task %s told of success %d times; history %s", id, events.size(), byId.get(id).history())
                            .isTrue();
                    assertThat(events).extracting(TaskEvent::sequence).doesNotHaveDuplicates();
                }
            });
            LOG.info("{} of {} tasks told of their success by an event", succeededEvents.size(), TASKS);

            // Attempts lost with the dead member: a RUNNING entry on it whose attempt did not succeed.
            List<Task> lost = tasks.stream().filter(t -> lostAnAttemptOn(t, dead)).toList();
            LOG.info("{} tasks lost an attempt on the dead member", lost.size());
            assertThat(lost).allSatisfy(t -> {
                int lostAttempt = lastAttemptOn(t, dead);
                assertThat(t.attempt()).as("task %s, history %s", t.id(), t.history()).isGreaterThan(lostAttempt);
                assertThat(t.failures()).as("a fail-over is not a failure: task %s", t.id()).isZero();
                assertThat(t.history()).as("task %s requeued", t.id())
                        .anyMatch(c -> c.status() == TaskStatus.QUEUED && c.attempt() == lostAttempt + 1);
            });
            if (runningOnVictim > 0 && lost.isEmpty()) {
                LOG.info("the {} attempts running on the dead member all completed before it died", runningOnVictim);
            }

            // The session's counts lost what the dead member had not written yet, and the survivors'
            // changes raced the recount after its death; once the session is quiet they are right again.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(CountsOf.kept(client, session)).isEqualTo(Map.of(TaskStatus.SUCCEEDED, (long) TASKS)));
        }
    }

    private static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(1)).until(condition);
        } catch (ConditionTimeoutException e) {
            LOG.info("condition not met in 15 s; going on");
        }
    }

    /** Waits until every task of the session is terminal; if they do not get there, says where they stuck. */
    private static void awaitAllTerminal(WeftClient client, String session, Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofSeconds(1))
                    .until(() -> client.tasks().list(session, null).stream().allMatch(t -> t.status().isTerminal()));
        } catch (ConditionTimeoutException e) {
            List<Task> unfinished = client.tasks().list(session, null).stream()
                    .filter(t -> !t.status().isTerminal()).toList();
            Map<TaskStatus, Long> byStatus = unfinished.stream()
                    .collect(Collectors.groupingBy(Task::status, () -> new EnumMap<>(TaskStatus.class), Collectors.counting()));
            throw new AssertionError(unfinished.size() + " tasks not terminal after " + limit + ", by status " + byStatus
                    + "; for example " + unfinished.stream().limit(3).map(t -> t.id() + " worker=" + t.worker()
                    + " history=" + t.history()).toList(), e);
        }
    }

    private static boolean lostAnAttemptOn(Task task, String member) {
        int attempt = lastAttemptOn(task, member);
        return attempt > 0 && TaskHistory.entries(task, TaskStatus.SUCCEEDED).stream()
                .noneMatch(c -> c.attempt() == attempt);
    }

    private static int lastAttemptOn(Task task, String member) {
        return TaskHistory.entries(task, TaskStatus.RUNNING).stream()
                .filter(c -> member.equals(c.member()))
                .mapToInt(StatusChange::attempt)
                .max().orElse(0);
    }
}
