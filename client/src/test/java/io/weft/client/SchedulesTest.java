package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.weft.model.Ids;
import io.weft.model.InvalidValueException;
import io.weft.model.schedule.MisfirePolicy;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.schedule.ScheduleState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schedules on one node whose clock the test moves: each tick comes exactly when the test says. */
class SchedulesTest {

    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");
    private static final TaskSpec ECHO = TaskSpec.of("echo", "{\"hello\": \"schedule\"}");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final ManualClock CLOCK = new ManualClock(START);
    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.tuned("schedules", 1, List.of(), settings -> settings.clock(CLOCK));
        client = WeftClient.embedded(cluster.node(0).hazelcast(), CLOCK);
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    private static String aSession() {
        return client.sessions().create("scheduled", Map.of()).id();
    }

    private static List<Task> tasksOf(Schedule schedule) {
        return client.tasks().list(schedule.sessionId(), null).stream()
                .filter(t -> schedule.id().equals(t.spec().options().labels().get("schedule"))).toList();
    }

    private static String taskIdOf(Schedule schedule, Instant tick) {
        return Ids.idempotentTaskId(schedule.sessionId(), schedule.tickKey(tick));
    }

    /** Moves the clock to the schedule's next tick and waits for that tick's task. */
    private static Task tickAndAwait(Schedule schedule) {
        Instant tick = client.schedules().require(schedule.id()).nextFireAt();
        CLOCK.set(tick);
        String taskId = taskIdOf(schedule, tick);
        await().atMost(WAIT).until(() -> client.tasks().get(taskId).isPresent());
        return client.tasks().get(taskId).orElseThrow();
    }

    @Test
    void intervalScheduleFiresOneTaskPerTickAndShowsItsNextTimes() {
        Schedule schedule = client.schedules().create(ScheduleSpec.every(aSession(), Duration.ofSeconds(10), ECHO));
        Instant created = schedule.createdAt();
        assertThat(schedule.nextFireTimes(3)).containsExactly(created.plusSeconds(10), created.plusSeconds(20), created.plusSeconds(30));

        Task first = tickAndAwait(schedule);
        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).nextFireAt().equals(created.plusSeconds(20)));
        Task second = tickAndAwait(schedule);

        assertThat(first.spec().input()).isEqualTo(ECHO.input());
        assertThat(first.spec().options().labels()).containsEntry("tick", created.plusSeconds(10).toString());
        assertThat(second.spec().options().labels()).containsEntry("tick", created.plusSeconds(20).toString());
        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).fired() == 2);
        Schedule after = client.schedules().require(schedule.id());
        assertThat(after.lastTaskId()).isEqualTo(second.id());
        assertThat(after.nextFireTimes(2)).containsExactly(created.plusSeconds(30), created.plusSeconds(40));
        assertThat(tasksOf(schedule)).extracting(Task::id).containsExactlyInAnyOrder(first.id(), second.id());
        client.schedules().delete(schedule.id());
    }

    @Test
    void cronScheduleFiresAtItsTimesInItsZone() {
        CLOCK.set(Instant.parse("2030-01-01T10:59:00Z"));
        // Noon in Rome is 11:00 UTC in winter.
        Schedule schedule = client.schedules().create(ScheduleSpec.cron(aSession(), "0 12 * * *", "Europe/Rome", ECHO));
        assertThat(schedule.nextFireAt()).isEqualTo(Instant.parse("2030-01-01T11:00:00Z"));

        Task task = tickAndAwait(schedule);

        assertThat(task.createdAt()).isEqualTo(Instant.parse("2030-01-01T11:00:00Z"));
        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).nextFireAt()
                .equals(Instant.parse("2030-01-02T11:00:00Z")));
        client.schedules().delete(schedule.id());
    }

    @Test
    void fireOnceAfterDowntimeFiresOneTaskForAllTheMissedTicks() {
        Schedule schedule = client.schedules().create(ScheduleSpec.every(aSession(), Duration.ofSeconds(10), ECHO));
        Instant firstTick = schedule.nextFireAt();
        // The cluster "was down" for an hour: 360 ticks passed unfired.
        CLOCK.set(firstTick.plus(Duration.ofHours(1)).plusSeconds(5));

        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).fired() == 1);

        assertThat(tasksOf(schedule)).extracting(Task::id).containsExactly(taskIdOf(schedule, firstTick));
        assertThat(client.schedules().require(schedule.id()).nextFireAt()).isEqualTo(firstTick.plus(Duration.ofHours(1)).plusSeconds(10));
        client.schedules().delete(schedule.id());
    }

    @Test
    void skipAfterDowntimeFiresNothingForTheMissedTicksThenCarriesOn() {
        Schedule schedule = client.schedules().create(ScheduleSpec.every(aSession(), Duration.ofSeconds(10), ECHO)
                .withMisfire(MisfirePolicy.SKIP));
        Instant firstTick = schedule.nextFireAt();
        CLOCK.set(firstTick.plus(Duration.ofHours(1)).plusSeconds(5));
        Instant resumedTick = firstTick.plus(Duration.ofHours(1)).plusSeconds(10);

        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).nextFireAt().equals(resumedTick));
        assertThat(tasksOf(schedule)).isEmpty();
        Task next = tickAndAwait(schedule);

        assertThat(next.id()).isEqualTo(taskIdOf(schedule, resumedTick));
        assertThat(tasksOf(schedule)).hasSize(1);
        client.schedules().delete(schedule.id());
    }

    @Test
    void scheduleWhoseTasksKeepFailingPausesItselfAndSaysWhy() {
        TaskSpec failing = TaskSpec.of("fail", "{\"message\": \"the disk is full\"}")
                .withOptions(TaskOptions.builder().maxRetries(0).build());
        Schedule schedule = client.schedules().create(ScheduleSpec.every(aSession(), Duration.ofSeconds(10), failing)
                .withMaxFailures(2));

        Task first = tickAndAwait(schedule);
        await().atMost(WAIT).until(() -> client.tasks().get(first.id()).orElseThrow().status() == TaskStatus.FAILED);
        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).failures() == 1);
        Task second = tickAndAwait(schedule);
        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).state() == ScheduleState.PAUSED);

        Schedule paused = client.schedules().require(schedule.id());
        assertThat(paused.reason()).contains("2 failures in a row").contains(second.id()).contains("the disk is full");
        assertThat(paused.nextFireTimes(3)).isEmpty();
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(client.schedules().require(schedule.id()).fired()).isEqualTo(2);
        client.schedules().delete(schedule.id());
    }

    @Test
    void tickIntoAClosedSessionIsAFailureThatPausesTheSchedule() {
        String session = aSession();
        Schedule schedule = client.schedules().create(ScheduleSpec.every(session, Duration.ofSeconds(10), ECHO).withMaxFailures(1));
        client.sessions().close(session);

        CLOCK.set(schedule.nextFireAt());

        await().atMost(WAIT).until(() -> client.schedules().require(schedule.id()).state() == ScheduleState.PAUSED);
        assertThat(client.schedules().require(schedule.id()).reason()).contains("CLOSED");
        assertThat(tasksOf(schedule)).isEmpty();
        client.schedules().delete(schedule.id());
    }

    @Test
    void pausedScheduleFiresNothingAndResumesFromTheNextTickAfterNow() {
        Schedule schedule = client.schedules().create(ScheduleSpec.every(aSession(), Duration.ofSeconds(10), ECHO));
        Instant created = schedule.createdAt();
        Schedule paused = client.schedules().pause(schedule.id());
        assertThat(paused.state()).isEqualTo(ScheduleState.PAUSED);
        assertThat(paused.nextFireTimes(2)).isEmpty();

        CLOCK.set(created.plusSeconds(45));
        Schedule resumed = client.schedules().resume(schedule.id());

        assertThat(resumed.nextFireAt()).isEqualTo(created.plusSeconds(50));
        assertThat(tasksOf(schedule)).isEmpty();
        Task task = tickAndAwait(schedule);
        assertThat(task.id()).isEqualTo(taskIdOf(schedule, created.plusSeconds(50)));
        client.schedules().delete(schedule.id());
    }

    @Test
    void deletedScheduleIsGoneAndFiresNoMore() {
        Schedule schedule = client.schedules().create(ScheduleSpec.every(aSession(), Duration.ofSeconds(10), ECHO));

        assertThat(client.schedules().delete(schedule.id())).isTrue();
        CLOCK.set(schedule.nextFireAt().plusSeconds(1));

        assertThat(client.schedules().get(schedule.id())).isEmpty();
        assertThat(client.schedules().delete(schedule.id())).isFalse();
        assertThatThrownBy(() -> client.schedules().pause(schedule.id())).isInstanceOf(NoSuchElementException.class);
        assertThat(client.schedules().list(schedule.sessionId())).isEmpty();
    }

    @Test
    void scheduleOfAnUnservedTypeOrIntoAClosedSessionIsRefusedAndNothingIsStored() {
        String session = aSession();
        int before = client.schedules().list(null).size();

        assertThatThrownBy(() -> client.schedules().create(ScheduleSpec.every(session, Duration.ofSeconds(10), TaskSpec.of("nosuch", "{}"))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("task.type");
        client.sessions().close(session);
        assertThatThrownBy(() -> client.schedules().create(ScheduleSpec.every(session, Duration.ofSeconds(10), ECHO)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> client.schedules().create(ScheduleSpec.every("s-nosuch", Duration.ofSeconds(10), ECHO)))
                .isInstanceOf(NoSuchElementException.class);

        assertThat(client.schedules().list(null)).hasSize(before);
    }
}
