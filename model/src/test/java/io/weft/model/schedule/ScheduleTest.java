package io.weft.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");
    private static final TaskSpec ECHO = TaskSpec.of("echo", "{}");

    private static Schedule every10Seconds(MisfirePolicy misfire) {
        return Schedule.create("sch-1", ScheduleSpec.every("s-1", Duration.ofSeconds(10), ECHO).withMisfire(misfire), T0);
    }

    private static Schedule withFailuresAllowed(Schedule schedule, int failures) {
        return Schedule.create(schedule.id(), schedule.spec().withMaxFailures(failures), schedule.createdAt());
    }

    @Test
    void intervalTicksCountFromCreation() {
        Schedule schedule = every10Seconds(MisfirePolicy.FIRE_ONCE);

        assertThat(schedule.nextFireTimes(3)).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30));
    }

    @Test
    void cronTicksAreReadInTheScheduleZone() {
        Schedule schedule = Schedule.create("sch-1", ScheduleSpec.cron("s-1", "0 9 * * *", "Europe/Rome", ECHO), T0);

        // 09:00 in Rome is 08:00 UTC in March (CET), then 07:00 UTC after the switch to summer time.
        assertThat(schedule.nextFireAt()).isEqualTo(Instant.parse("2030-03-02T08:00:00Z"));
        Schedule late = Schedule.create("sch-2", ScheduleSpec.cron("s-1", "0 9 * * *", "Europe/Rome", ECHO),
                Instant.parse("2030-04-01T00:00:00Z"));
        assertThat(late.nextFireAt()).isEqualTo(Instant.parse("2030-04-01T07:00:00Z"));
    }

    @Test
    void sixFieldCronPutsSecondsFirst() {
        Schedule schedule = Schedule.create("sch-1", ScheduleSpec.cron("s-1", "30 */5 * * * *", null, ECHO), T0);

        assertThat(schedule.nextFireTimes(2)).containsExactly(Instant.parse("2030-03-01T10:00:30Z"),
                Instant.parse("2030-03-01T10:05:30Z"));
    }

    @Test
    void nothingIsDueBeforeTheNextTick() {
        assertThat(every10Seconds(MisfirePolicy.FIRE_ONCE).plan(T0.plusSeconds(9))).isNull();
    }

    @Test
    void aTickFoundOnTimeFiresAndTheNextFollowsIt() {
        FiringPlan plan = every10Seconds(MisfirePolicy.SKIP).plan(T0.plusSeconds(35));

        assertThat(plan).isEqualTo(new FiringPlan(T0.plusSeconds(10), true, T0.plusSeconds(20)));
    }

    @Test
    void fireOnceFiresOneTaskForAllMissedTicksThenCarriesOnFromNow() {
        Instant afterDowntime = T0.plus(Duration.ofHours(2)).plusSeconds(5);

        FiringPlan plan = every10Seconds(MisfirePolicy.FIRE_ONCE).plan(afterDowntime);

        assertThat(plan).isEqualTo(new FiringPlan(T0.plusSeconds(10), true, T0.plus(Duration.ofHours(2)).plusSeconds(10)));
    }

    @Test
    void skipFiresNothingForMissedTicks() {
        Instant afterDowntime = T0.plus(Duration.ofHours(2)).plusSeconds(5);

        FiringPlan plan = every10Seconds(MisfirePolicy.SKIP).plan(afterDowntime);

        assertThat(plan.fire()).isFalse();
        assertThat(plan.next()).isEqualTo(T0.plus(Duration.ofHours(2)).plusSeconds(10));
    }

    @Test
    void tickKeyIsTheSameForEveryFirer() {
        Schedule schedule = every10Seconds(MisfirePolicy.FIRE_ONCE);

        assertThat(schedule.tickKey(T0.plusSeconds(10))).isEqualTo("schedule:sch-1:" + T0.plusSeconds(10).toEpochMilli());
    }

    @Test
    void failuresInARowPauseTheScheduleAndSayWhy() {
        Schedule schedule = every10Seconds(MisfirePolicy.FIRE_ONCE);
        schedule = schedule.fired(T0.plusSeconds(10), "t-1", T0.plusSeconds(20), 1)
                .fired(T0.plusSeconds(20), "t-2", T0.plusSeconds(30), 1)
                .fired(T0.plusSeconds(30), "t-3", T0.plusSeconds(40), 1);

        schedule = schedule.outcome("t-1", TaskStatus.FAILED, "boom 1").outcome("t-2", TaskStatus.FAILED, "boom 2");
        assertThat(schedule.state()).isEqualTo(ScheduleState.ACTIVE);
        schedule = schedule.outcome("t-3", TaskStatus.FAILED, "boom 3");

        assertThat(schedule.state()).isEqualTo(ScheduleState.PAUSED);
        assertThat(schedule.reason()).contains("3 failures in a row").contains("t-3").contains("boom 3");
        assertThat(schedule.nextFireTimes(3)).isEmpty();
        assertThat(schedule.plan(T0.plusSeconds(100))).isNull();
    }

    @Test
    void aSuccessResetsTheFailuresAndAnOutcomeCountsOnce() {
        Schedule schedule = withFailuresAllowed(every10Seconds(MisfirePolicy.FIRE_ONCE), 2)
                .fired(T0.plusSeconds(10), "t-1", T0.plusSeconds(20), 1)
                .fired(T0.plusSeconds(20), "t-2", T0.plusSeconds(30), 1)
                .fired(T0.plusSeconds(30), "t-3", T0.plusSeconds(40), 1);

        schedule = schedule.outcome("t-1", TaskStatus.FAILED, "x").outcome("t-1", TaskStatus.FAILED, "x");
        assertThat(schedule.failures()).isEqualTo(1);
        schedule = schedule.outcome("t-2", TaskStatus.SUCCEEDED, null).outcome("t-3", TaskStatus.FAILED, "y");

        assertThat(schedule.failures()).isEqualTo(1);
        assertThat(schedule.state()).isEqualTo(ScheduleState.ACTIVE);
        assertThat(schedule.pending()).isEmpty();
    }

    @Test
    void refusedSubmitsCountAsFailures() {
        Schedule schedule = withFailuresAllowed(every10Seconds(MisfirePolicy.FIRE_ONCE), 1)
                .failedToFire(T0.plusSeconds(10), T0.plusSeconds(20), "session s-1 is CLOSED", 1);

        assertThat(schedule.state()).isEqualTo(ScheduleState.PAUSED);
        assertThat(schedule.reason()).contains("session s-1 is CLOSED");
    }

    @Test
    void resumeStartsFromTheFirstTickAfterNow() {
        Schedule paused = every10Seconds(MisfirePolicy.FIRE_ONCE).pause("by a user");

        Schedule resumed = paused.resume(T0.plusSeconds(95));

        assertThat(resumed.state()).isEqualTo(ScheduleState.ACTIVE);
        assertThat(resumed.nextFireAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(resumed.reason()).isNull();
    }

    @Test
    void badSpecsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ScheduleSpec.cron("s-1", "61 * * * *", null, ECHO))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("cron");
        assertThatThrownBy(() -> ScheduleSpec.cron("s-1", "* * *", null, ECHO))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("cron");
        assertThatThrownBy(() -> ScheduleSpec.cron("s-1", "0 0 30 2 *", null, ECHO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("never");
        assertThatThrownBy(() -> ScheduleSpec.cron("s-1", "0 * * * *", "Mars/Olympus", ECHO))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("zone");
        assertThatThrownBy(() -> ScheduleSpec.every("s-1", Duration.ofMillis(500), ECHO))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("every");
        assertThatThrownBy(() -> new ScheduleSpec("s-1", "0 * * * *", null, Duration.ofSeconds(5), ECHO, null, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("every");
        assertThatThrownBy(() -> new ScheduleSpec("s-1", null, null, null, ECHO, null, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("cron");
        assertThatThrownBy(() -> ScheduleSpec.every("s-1", Duration.ofSeconds(5), ECHO.withIdempotencyKey("k")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("task.idempotencyKey");
        TaskSpec runAt = ECHO.withOptions(TaskOptions.builder().runAt(T0).build());
        assertThatThrownBy(() -> ScheduleSpec.every("s-1", Duration.ofSeconds(5), runAt))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("task.options.runAt");
        assertThatThrownBy(() -> ScheduleSpec.every("s-1", Duration.ofSeconds(5), ECHO).withMaxFailures(0))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("maxFailures");
        assertThat(MisfirePolicy.parse("misfire", "skip")).isEqualTo(MisfirePolicy.SKIP);
        assertThatThrownBy(() -> MisfirePolicy.parse("misfire", "later")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void pendingOutcomesAreBounded() {
        Schedule schedule = every10Seconds(MisfirePolicy.FIRE_ONCE);
        Instant tick = schedule.nextFireAt();
        for (int i = 0; i < Schedule.MAX_PENDING + 5; i++) {
            schedule = schedule.fired(tick, "t-" + i, tick.plusSeconds(10), 1);
            tick = tick.plusSeconds(10);
        }

        assertThat(schedule.pending()).hasSize(Schedule.MAX_PENDING).first().isEqualTo("t-5");
        assertThat(schedule.fired()).isEqualTo(Schedule.MAX_PENDING + 5);
        assertThat(List.of(schedule.lastTaskId())).containsExactly("t-" + (Schedule.MAX_PENDING + 4));
    }
}
