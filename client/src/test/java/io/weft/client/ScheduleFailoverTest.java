package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.Ids;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly one task per tick across the cluster, also when the member firing the schedules dies at
 * a tick: three members with a CP group of three, one clock that the test moves.
 */
class ScheduleFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int TICKS = 6;

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T10:00:00Z"));
    private TestCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private WeftNode firer() {
        await().atMost(WAIT).until(() -> cluster.nodes().stream().anyMatch(this::firesNow));
        return cluster.nodes().stream().filter(this::firesNow).findFirst().orElseThrow();
    }

    private boolean firesNow(WeftNode node) {
        return node.hazelcast().getLifecycleService().isRunning() && node.scheduleFirer() != null && node.scheduleFirer().isFiring();
    }

    @Test
    void eachTickMakesExactlyOneTaskWhenTheFiringMemberDiesAtATick() {
        cluster = TestCluster.tuned("schedule-failover", 3, List.of(), settings -> settings.clock(clock).cpMembers(3));
        WeftNode survivor = cluster.node(0);
        WeftClient client = WeftClient.embedded(survivor.hazelcast(), clock);
        String session = client.sessions().create("every-ten-seconds", Map.of()).id();
        Schedule schedule = client.schedules().create(ScheduleSpec.every(session, Duration.ofSeconds(10), TaskSpec.of("echo", "{}")));
        List<Instant> ticks = new ArrayList<>();

        for (int i = 1; i <= TICKS; i++) {
            Instant tick = schedule.createdAt().plusSeconds(10L * i);
            ticks.add(tick);
            if (i == 3) {
                // The firer dies right after submitting the tick's task, before moving the schedule on.
                WeftNode doomed = firer();
                if (doomed == survivor) {
                    survivor = cluster.nodes().stream().filter(n -> n != doomed).findFirst().orElseThrow();
                    client = WeftClient.embedded(survivor.hazelcast(), clock);
                }
                client.tasks().submit(session, TaskSpec.of("echo", "{}").withIdempotencyKey(schedule.tickKey(tick)));
                clock.set(tick);
                doomed.terminate();
            } else {
                clock.set(tick);
            }
            WeftClient reader = client;
            await().atMost(WAIT).until(() -> reader.schedules().require(schedule.id()).nextFireAt().isAfter(tick));
        }

        List<Task> fired = client.tasks().list(session, null);
        Map<String, Long> perTick = fired.stream().collect(Collectors.groupingBy(t -> t.spec().idempotencyKey(), Collectors.counting()));
        assertThat(perTick.values()).allMatch(count -> count == 1);
        assertThat(perTick.keySet()).containsExactlyInAnyOrderElementsOf(ticks.stream().map(schedule::tickKey).toList());
        Function<Instant, String> idOf = tick -> Ids.idempotentTaskId(session, schedule.tickKey(tick));
        assertThat(fired).extracting(Task::id).containsExactlyInAnyOrderElementsOf(ticks.stream().map(idOf).toList());
        assertThat(client.schedules().require(schedule.id()).fired()).isEqualTo(TICKS);
        assertThat(cluster.nodes().stream().filter(this::firesNow).count()).isEqualTo(1);
    }
}
