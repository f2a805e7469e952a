package io.weft.model.schedule;

import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule as the grid holds it ({@code weft.schedules}). Immutable: each change returns a new
 * value, made inside an entry processor so that the firer and users never overwrite each other.
 *
 * @param nextFireAt the tick to fire next; the firer fires exactly this tick and then moves it on,
 *                   conditionally on it being unchanged, so a tick's task id ({@link #tickKey}) is
 *                   the same whichever member fires it, however often
 * @param fired      ticks fired so far
 * @param failures   failures in a row: refused submits and tasks that ended FAILED; a success resets it
 * @param pending    ids of fired tasks whose outcome is not counted yet (at most {@value #MAX_PENDING})
 * @param fence      the highest firing-lock fence that wrote this schedule; a lower one is a stale firer
 */
public record Schedule(String id, ScheduleSpec spec, ScheduleState state, String reason, Instant createdAt,
                       Instant nextFireAt, Instant lastFiredAt, String lastTaskId, long fired, int failures,
                       List<String> pending, long fence) {

    /** A tick found later than this after its time is missed, and the misfire policy applies (as Quartz's default). */
    public static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(60);
    public static final int MAX_PENDING = 100;
    public static final int MAX_REASON_CHARS = 1_000;

    public Schedule {
        Checks.id("id", id);
        Checks.notNull("spec", spec);
        Checks.notNull("state", state);
        Checks.notNull("createdAt", createdAt);
        if (state == ScheduleState.ACTIVE) {
            Checks.notNull("nextFireAt", nextFireAt);
        }
        Checks.atLeast("fired", fired, 0);
        Checks.atLeast("failures", failures, 0);
        pending = List.copyOf(pending == null ? List.of() : pending);
        reason = reason == null || reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
    }

    /** A new, active schedule whose first tick is the first after {@code now}. */
    public static Schedule create(String id, ScheduleSpec spec, Instant now) {
        Instant first = spec.nextAfter(now, now);
        if (first == null) {
            throw new InvalidValueException("cron", "matches no time after " + now);
        }
        return new Schedule(id, spec, ScheduleState.ACTIVE, null, now, first, null, null, 0, 0, List.of(), 0);
    }

    public String sessionId() {
        return spec.sessionId();
    }

    /** The idempotency key of a tick's task: the same for every member that fires that tick. */
    public String tickKey(Instant tick) {
        return "schedule:" + id + ":" + tick.toEpochMilli();
    }

    /** The next {@code count} ticks; none while paused. */
    public List<Instant> nextFireTimes(int count) {
        List<Instant> times = new ArrayList<>(count);
        Instant tick = state == ScheduleState.ACTIVE ? nextFireAt : null;
        while (tick != null && times.size() < count) {
            times.add(tick);
            tick = spec.nextAfter(tick, createdAt);
        }
        return times;
    }

    /**
     * What firing at {@code now} means: {@code null} when nothing is due (or the schedule is paused).
     * A tick found within {@link #MISFIRE_THRESHOLD} fires and the next tick follows it (so a firer
     * that was briefly late catches up tick by tick); a missed one follows the misfire policy and
     * the schedule carries on from the first tick after now.
     */
    public FiringPlan plan(Instant now) {
        if (state != ScheduleState.ACTIVE || now.isBefore(nextFireAt)) {
            return null;
        }
        Instant tick = nextFireAt;
        boolean missed = now.isAfter(tick.plus(MISFIRE_THRESHOLD));
        if (!missed) {
            return new FiringPlan(tick, true, spec.nextAfter(tick, createdAt));
        }
        return new FiringPlan(tick, spec.misfire() == MisfirePolicy.FIRE_ONCE, spec.nextAfter(now, createdAt));
    }

    /** The tick's task was submitted (or found already there); the schedule moves to {@code next}. */
    public Schedule fired(Instant tick, String taskId, Instant next, long byFence) {
        List<String> waiting = new ArrayList<>(pending);
        if (!waiting.contains(taskId)) {
            waiting.add(taskId);
        }
        if (waiting.size() > MAX_PENDING) {
            waiting.remove(0);
        }
        return with(reason, tick, taskId, fired + 1, failures, waiting).moved(next, byFence);
    }

    /** Missed ticks skipped by the misfire policy. */
    public Schedule skipped(Instant next, long byFence) {
        return moved(next, byFence);
    }

    /** The tick's task was refused (session closed, type no longer served...): a failure in a row. */
    public Schedule failedToFire(Instant tick, Instant next, String why, long byFence) {
        return failure("the tick of " + tick + " could not submit its task: " + why).moved(next, byFence);
    }

    /**
     * A fired task finished: SUCCEEDED resets the failures, FAILED adds one (pausing the schedule at
     * {@code maxFailures}), CANCELLED (a user's doing) counts neither way. A task not pending changes nothing.
     */
    public Schedule outcome(String taskId, TaskStatus status, String why) {
        if (!pending.contains(taskId) || !status.isTerminal()) {
            return this;
        }
        List<String> waiting = new ArrayList<>(pending);
        waiting.remove(taskId);
        Schedule counted = with(reason, lastFiredAt, lastTaskId, fired, failures, waiting);
        if (status == TaskStatus.SUCCEEDED) {
            return counted.with(state == ScheduleState.ACTIVE ? null : reason, lastFiredAt, lastTaskId, fired, 0, waiting);
        }
        if (status == TaskStatus.FAILED) {
            return counted.failure("task " + taskId + " failed: " + why);
        }
        return counted;
    }

    /** Paused by a user (or by itself, saying why); the ticks in between are never fired. */
    public Schedule pause(String why) {
        if (state == ScheduleState.PAUSED) {
            return this;
        }
        return new Schedule(id, spec, ScheduleState.PAUSED, why, createdAt, nextFireAt, lastFiredAt, lastTaskId, fired,
                failures, pending, fence);
    }

    /** Active again from the first tick after {@code now}, with its failures forgotten. */
    public Schedule resume(Instant now) {
        if (state == ScheduleState.ACTIVE) {
            return this;
        }
        Instant next = spec.nextAfter(now, createdAt);
        if (next == null) {
            return this;
        }
        return new Schedule(id, spec, ScheduleState.ACTIVE, null, createdAt, next, lastFiredAt, lastTaskId, fired, 0,
                pending, fence);
    }

    private Schedule failure(String why) {
        int inARow = failures + 1;
        Schedule counted = with(why, lastFiredAt, lastTaskId, fired, inARow, pending);
        if (inARow >= spec.maxFailures()) {
            return counted.pause("paused after " + inARow + " failures in a row; the last: " + why);
        }
        return counted;
    }

    private Schedule moved(Instant next, long byFence) {
        long newFence = Math.max(fence, byFence);
        if (next == null) {
            return new Schedule(id, spec, ScheduleState.PAUSED, "its cron expression matches no later time", createdAt,
                    nextFireAt, lastFiredAt, lastTaskId, fired, failures, pending, newFence);
        }
        return new Schedule(id, spec, state, reason, createdAt, next, lastFiredAt, lastTaskId, fired, failures, pending,
                newFence);
    }

    private Schedule with(String newReason, Instant newLastFiredAt, String newLastTaskId, long newFired, int newFailures,
                          List<String> newPending) {
        return new Schedule(id, spec, state, newReason, createdAt, nextFireAt, newLastFiredAt, newLastTaskId, newFired,
                newFailures, newPending, fence);
    }
}
