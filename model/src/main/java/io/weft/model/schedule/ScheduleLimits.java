package io.weft.model.schedule;

import io.weft.model.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How often a schedule may fire at most, set on the nodes ({@code WEFT_SCHEDULE_MIN_INTERVAL}) and
 * published by them into the grid, so that a client or a gateway refuses a schedule that would fire
 * faster when it is created, and a node refuses the ticks of one that got into the grid anyway.
 *
 * <p>It is not part of {@link ScheduleSpec}'s own checks: a spec is also rebuilt whenever it is read
 * back from the grid, and a stored schedule must stay readable after an operator raises the minimum.
 *
 * @param minInterval the shortest time between two ticks, {@link ScheduleSpec#MIN_INTERVAL} to
 *                    {@link ScheduleSpec#MAX_INTERVAL}. Default {@link #DEFAULT_MIN_INTERVAL}
 */
public record ScheduleLimits(Duration minInterval) {

    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(1);
    public static final ScheduleLimits DEFAULTS = new ScheduleLimits(DEFAULT_MIN_INTERVAL);
    /** The variable that sets it, named in every refusal so a user knows what the limit is called. */
    public static final String VARIABLE = "WEFT_SCHEDULE_MIN_INTERVAL";
    /**
     * How many fire times of a cron expression are compared. A cron expression fires in bursts (every
     * second of one minute an hour, say); the fire times after any instant start with the next burst, so
     * a few dozen of them show its shortest gap, whatever the time of day it is checked at.
     */
    public static final int SAMPLED_FIRE_TIMES = 32;

    public ScheduleLimits {
        if (minInterval == null || minInterval.compareTo(ScheduleSpec.MIN_INTERVAL) < 0
                || minInterval.compareTo(ScheduleSpec.MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(VARIABLE + " must be between " + ScheduleSpec.MIN_INTERVAL + " and "
                    + ScheduleSpec.MAX_INTERVAL + ", got " + minInterval);
        }
    }

    /**
     * Refuses {@code spec}, naming {@code every} or {@code cron}, if two of its ticks after {@code from}
     * would be closer than {@link #minInterval}.
     */
    public ScheduleSpec check(ScheduleSpec spec, Instant from) {
        if (spec.every() != null) {
            if (spec.every().compareTo(minInterval) < 0) {
                throw new InvalidValueException("every", "must be at least " + minInterval + " (" + VARIABLE + "), got "
                        + spec.every());
            }
            return spec;
        }
        Duration gap = shortestGap(spec.cron(), ZoneId.of(spec.zone()), from);
        if (gap != null && gap.compareTo(minInterval) < 0) {
            throw new InvalidValueException("cron", "'" + spec.cron() + "' fires every " + gap + " at times; schedules may fire "
                    + "at most every " + minInterval + " (" + VARIABLE + ")");
        }
        return spec;
    }

    /** The shortest gap between the next {@link #SAMPLED_FIRE_TIMES} fire times, or null if it fires once or never. */
    static Duration shortestGap(String cron, ZoneId zone, Instant from) {
        Duration shortest = null;
        Optional<Instant> previous = CronExpressions.nextAfter(cron, zone, from);
        for (int i = 1; i < SAMPLED_FIRE_TIMES && previous.isPresent(); i++) {
            Optional<Instant> next = CronExpressions.nextAfter(cron, zone, previous.get());
            if (next.isPresent()) {
                Duration gap = Duration.between(previous.get(), next.get());
                shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
            }
            previous = next;
        }
        return shortest;
    }
}
