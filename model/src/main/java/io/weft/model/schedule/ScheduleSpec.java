package io.weft.model.schedule;

import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.task.TaskSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a user asks to repeat: a task template fired into a session on a cron expression (in a time
 * zone) or at a fixed interval. Immutable and checked on construction; {@code null} takes the default.
 *
 * @param sessionId   the session each tick's task goes into
 * @param cron        a cron expression ({@link CronExpressions}); exclusive with {@code every}
 * @param zone        the time zone the cron expression is read in. Default {@value #DEFAULT_ZONE}
 * @param every       a fixed interval from the schedule's creation, {@link #MIN_INTERVAL} to {@link #MAX_INTERVAL}
 * @param task        the task each tick submits; its idempotency key and run-at time are the schedule's to set
 * @param misfire     what to do with missed ticks. Default {@link MisfirePolicy#FIRE_ONCE}
 * @param maxFailures failures in a row (a refused submit, or a task that ends FAILED) after which the
 *                    schedule pauses itself, 1 to {@value #MAX_FAILURES_LIMIT}. Default {@value #DEFAULT_MAX_FAILURES}
 */
public record ScheduleSpec(String sessionId, String cron, String zone, Duration every, TaskSpec task,
                           MisfirePolicy misfire, Integer maxFailures) {

    public static final String DEFAULT_ZONE = "UTC";
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(366);
    public static final int DEFAULT_MAX_FAILURES = 3;
    public static final int MAX_FAILURES_LIMIT = 1_000;

    public ScheduleSpec {
        Checks.id("sessionId", sessionId);
        if (cron == null && every == null) {
            throw new InvalidValueException("cron", "or every is required");
        }
        if (cron != null && every != null) {
            throw new InvalidValueException("every", "cannot be set together with cron");
        }
        zone = zone == null ? DEFAULT_ZONE : zone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("zone", "must be a time zone such as Europe/Rome or UTC, got '" + zone + "'");
        }
        if (cron != null) {
            cron = CronExpressions.check("cron", cron);
            if (CronExpressions.nextAfter(cron, ZoneId.of(zone), Instant.EPOCH).isEmpty()) {
                throw new InvalidValueException("cron", "never matches a date ('" + cron + "')");
            }
        } else {
            Checks.duration("every", every, MIN_INTERVAL, MAX_INTERVAL);
        }
        Checks.notNull("task", task);
        if (task.idempotencyKey() != null) {
            throw new InvalidValueException("task.idempotencyKey", "is set by the schedule, one per tick");
        }
        if (task.options().runAt() != null) {
            throw new InvalidValueException("task.options.runAt", "cannot be set on a schedule's task: each tick is its own time");
        }
        if (task.parentId() != null) {
            throw new InvalidValueException("task.parentId", "cannot be set on a schedule's task");
        }
        misfire = misfire == null ? MisfirePolicy.FIRE_ONCE : misfire;
        maxFailures = Checks.range("maxFailures", maxFailures == null ? DEFAULT_MAX_FAILURES : maxFailures, 1, MAX_FAILURES_LIMIT);
    }

    public static ScheduleSpec cron(String sessionId, String cron, String zone, TaskSpec task) {
        return new ScheduleSpec(sessionId, cron, zone, null, task, null, null);
    }

    public static ScheduleSpec every(String sessionId, Duration every, TaskSpec task) {
        return new ScheduleSpec(sessionId, null, null, every, task, null, null);
    }

    public ScheduleSpec withMisfire(MisfirePolicy policy) {
        return new ScheduleSpec(sessionId, cron, zone, every, task, policy, maxFailures);
    }

    public ScheduleSpec withMaxFailures(int failures) {
        return new ScheduleSpec(sessionId, cron, zone, every, task, misfire, failures);
    }

    /**
     * The first tick strictly after {@code after}, or {@code null} if the cron expression matches no
     * later time. A fixed interval counts from {@code anchor} (the schedule's creation), so ticks stay
     * on the same grid whenever they are computed.
     */
    public Instant nextAfter(Instant after, Instant anchor) {
        if (cron != null) {
            return CronExpressions.nextAfter(cron, ZoneId.of(zone), after).orElse(null);
        }
        long period = every.toMillis();
        long since = after.toEpochMilli() - anchor.toEpochMilli();
        long periods = since < 0 ? 0 : since / period;
        return anchor.plusMillis((periods + 1) * period);
    }
}
