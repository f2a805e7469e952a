package io.weft.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import io.weft.model.task.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleLimitsTest {

    private static final TaskSpec ECHO = TaskSpec.of("echo", "{}");
    private static final Instant HALF_PAST_NOON = Instant.parse("2030-01-07T12:30:00Z");
    private static final ScheduleLimits ONE_MINUTE = new ScheduleLimits(Duration.ofMinutes(1));

    @Test
    void intervalShorterThanTheMinimumIsRefusedNamingEvery() {
        ScheduleSpec spec = ScheduleSpec.every("s-1", Duration.ofSeconds(10), ECHO);

        assertThatThrownBy(() -> ONE_MINUTE.check(spec, HALF_PAST_NOON))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("every"))
                .hasMessageContaining("PT1M").hasMessageContaining(ScheduleLimits.VARIABLE);
    }

    @Test
    void intervalOfExactlyTheMinimumIsAccepted() {
        ScheduleSpec spec = ScheduleSpec.every("s-1", Duration.ofMinutes(1), ECHO);

        assertThat(ONE_MINUTE.check(spec, HALF_PAST_NOON)).isSameAs(spec);
    }

    @Test
    void cronFiringEveryTenSecondsIsRefusedNamingCron() {
        ScheduleSpec spec = ScheduleSpec.cron("s-1", "*/10 * * * * *", null, ECHO);

        assertThatThrownBy(() -> ONE_MINUTE.check(spec, HALF_PAST_NOON))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cron"))
                .hasMessageContaining("PT10S");
    }

    @Test
    void cronThatFiresInABurstOnceADayIsRefusedWhateverTheTimeItIsChecked() {
        // Every second of 03:00-03:00:59, checked at half past noon: its next fire times are that burst.
        ScheduleSpec spec = ScheduleSpec.cron("s-1", "* 0 3 * * *", "Europe/Rome", ECHO);

        assertThatThrownBy(() -> new ScheduleLimits(Duration.ofSeconds(2)).check(spec, HALF_PAST_NOON))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cron"));
    }

    @Test
    void cronWhoseTwoTimesADayAreOneSecondApartIsRefused() {
        ScheduleSpec spec = ScheduleSpec.cron("s-1", "0,1 0 3 * * *", null, ECHO);

        assertThatThrownBy(() -> ONE_MINUTE.check(spec, HALF_PAST_NOON)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void cronEveryFiveMinutesIsAcceptedUnderAOneMinuteMinimum() {
        ScheduleSpec spec = ScheduleSpec.cron("s-1", "0 */5 * * * *", "Europe/Rome", ECHO);

        assertThat(ONE_MINUTE.check(spec, HALF_PAST_NOON)).isSameAs(spec);
    }

    @Test
    void defaultMinimumOfOneSecondAcceptsACronEverySecond() {
        ScheduleSpec spec = ScheduleSpec.cron("s-1", "* * * * * *", null, ECHO);

        assertThat(ScheduleLimits.DEFAULTS.check(spec, HALF_PAST_NOON)).isSameAs(spec);
    }

    @Test
    void minimumBelowOneSecondIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new ScheduleLimits(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ScheduleLimits.VARIABLE);
    }
}
