package io.weft.node.schedules;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.weft.node.cluster.Quorum;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockOwnershipLostException;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.AdvanceSchedule;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.RecordScheduleOutcome;
import io.weft.model.grid.TaskGraph;
import io.weft.model.schedule.FiringPlan;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleLimits;
import io.weft.model.schedule.ScheduleState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firing duty: one member at a time, the holder of the FencedLock
 * {@link GridNames#SCHEDULE_FIRING_LOCK}, fires the due schedules. Every node runs a firer; the others
 * wait for the lock, and take it over when its holder leaves or dies (its CP session closes).
 *
 * <p>The lock only keeps the work on one member; exactly one task per tick comes from the data: a
 * tick's task has a deterministic id ({@link Schedule#tickKey}), and the schedule moves on with
 * {@link AdvanceSchedule}, conditionally on the tick it fired and on the firer's fence. A firer that
 * dies between the two leaves the tick due, and the next firer submits the same id, which finds the
 * task already there.
 *
 * <p>The same loop counts the outcome of the tasks the schedules fired, so that a schedule whose
 * tasks keep failing pauses itself.
 */
public final class ScheduleFirer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);
    /** How often the holder looks for due schedules: a tick fires at most this late. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final long LOCK_WAIT_MILLIS = 1_000;

    private final HazelcastInstance hazelcast;
    private final IMap<String, Schedule> schedules;
    private final IMap<String, Task> tasks;
    private final TickSubmitter submitter;
    private final Clock clock;
    private final Thread thread;
    private final Quorum quorum;
    private volatile boolean closed;
    private volatile long fence = FencedLock.INVALID_FENCE;

    /**
     * Starts this member's firer. {@code servedTypes} tells which task types some node serves (a tick
     * of a type nobody serves is refused, and counts as a failure); so is a tick of a schedule that fires
     * more often than {@code limits} allow (one stored by an older client, or written to the map directly).
     */
    public static ScheduleFirer start(HazelcastInstance hazelcast, TaskGraph graph, Supplier<Set<String>> servedTypes,
                                      ScheduleLimits limits, Clock clock) {
        ScheduleFirer firer = new ScheduleFirer(hazelcast, new TickSubmitter(hazelcast, graph, servedTypes, limits), clock);
        hazelcast.getCluster().addMembershipListener(new DeadLockHolders(hazelcast));
        firer.thread.start();
        return firer;
    }

    ScheduleFirer(HazelcastInstance hazelcast, TickSubmitter submitter, Clock clock) {
        this.hazelcast = hazelcast;
        this.schedules = hazelcast.getMap(GridNames.SCHEDULES);
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.submitter = submitter;
        this.clock = clock;
        this.quorum = Quorum.of(hazelcast);
        this.thread = new Thread(this::run, "weft-schedule-firer");
        this.thread.setDaemon(true);
    }

    /** Whether this member holds the firing duty now. */
    public boolean isFiring() {
        return fence != FencedLock.INVALID_FENCE;
    }

    private void run() {
        // A FencedLock belongs to the thread that took it: only this thread locks, checks and unlocks it.
        FencedLock lock = null;
        try {
            while (!closed) {
                try {
                    if (lock == null) {
                        lock = hazelcast.getCPSubsystem().getLock(GridNames.SCHEDULE_FIRING_LOCK);
                    }
                    if (hold(lock)) {
                        // A side of a split without the quorum fires nothing: its ticks are the majority's.
                        if (quorum.present()) {
                            fireDue();
                            countOutcomes();
                        }
                        sleep(POLL_INTERVAL.toMillis());
                    }
                } catch (HazelcastInstanceNotActiveException e) {
                    return;
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    LOG.warn("schedule firing failed; trying again: {}", e.toString());
                    fence = FencedLock.INVALID_FENCE;
                    sleep(POLL_INTERVAL.toMillis());
                }
            }
        } finally {
            release(lock);
        }
    }

    /** Takes the lock, or checks that this thread still holds it (a lost CP session loses it). */
    private boolean hold(FencedLock lock) {
        if (fence != FencedLock.INVALID_FENCE) {
            if (lock.isLockedByCurrentThread()) {
                return true;
            }
            LOG.info("member {} lost the schedule firing duty", hazelcast.getCluster().getLocalMember().getUuid());
            fence = FencedLock.INVALID_FENCE;
        }
        try {
            long taken = lock.tryLockAndGetFence(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (taken != FencedLock.INVALID_FENCE) {
                fence = taken;
                LOG.info("member {} fires the schedules (fence {})", hazelcast.getCluster().getLocalMember().getUuid(), taken);
                return true;
            }
        } catch (LockOwnershipLostException e) {
            fence = FencedLock.INVALID_FENCE;
        }
        return false;
    }

    private void fireDue() {
        Instant now = clock.instant();
        Collection<Schedule> due = schedules.values(Predicates.and(
                Predicates.equal("state", ScheduleState.ACTIVE.name()),
                Predicates.lessEqual("nextFireAt", now.toEpochMilli())));
        for (Schedule schedule : due) {
            if (closed) {
                return;
            }
            fire(schedule, now);
        }
    }

    private void fire(Schedule schedule, Instant now) {
        FiringPlan plan = schedule.plan(now);
        if (plan == null) {
            return;
        }
        String taskId = null;
        String failure = null;
        if (plan.fire()) {
            try {
                taskId = submitter.submit(schedule, plan.tick(), now);
            } catch (TickSubmitter.TickRefused | InvalidValueException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                // The grid failed (a member leaving mid-call): the tick stays due and is fired again.
                LOG.warn("tick {} of schedule {} not fired yet: {}", plan.tick(), schedule.id(), e.toString());
                return;
            }
        }
        Long next = plan.next() == null ? null : plan.next().toEpochMilli();
        Schedule after = schedules.executeOnKey(schedule.id(),
                new AdvanceSchedule(plan.tick().toEpochMilli(), next, taskId, failure, fence));
        if (after != null && after.state() == ScheduleState.PAUSED && schedule.state() == ScheduleState.ACTIVE) {
            LOG.warn("schedule {} paused itself: {}", schedule.id(), after.reason());
        }
    }

    /** Counts the outcome of fired tasks that have finished. */
    private void countOutcomes() {
        Collection<Schedule> waiting = schedules.values(Predicates.greaterThan("pendingCount", 0));
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, String> scheduleOf = new HashMap<>();
        waiting.forEach(s -> s.pending().forEach(taskId -> scheduleOf.put(taskId, s.id())));
        Map<String, Task> found = tasks.getAll(scheduleOf.keySet());
        scheduleOf.forEach((taskId, scheduleId) -> {
            Task task = found.get(taskId);
            if (task == null) {
                // Purged with its session: nothing will ever finish it.
                schedules.executeOnKey(scheduleId, new RecordScheduleOutcome(taskId, TaskStatus.CANCELLED, null));
            } else if (task.status().isTerminal()) {
                String why = task.error() == null ? null : task.error().message();
                schedules.executeOnKey(scheduleId, new RecordScheduleOutcome(taskId, task.status(), why));
            }
        });
    }

    private void release(FencedLock lock) {
        if (lock == null || fence == FencedLock.INVALID_FENCE) {
            return;
        }
        fence = FencedLock.INVALID_FENCE;
        // close() interrupts this thread; the unlock call must not see that interrupt.
        boolean interrupted = Thread.interrupted();
        try {
            if (hazelcast.getLifecycleService().isRunning() && lock.isLockedByCurrentThread()) {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            LOG.debug("could not release the schedule firing lock", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            closed = true;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops firing and hands the duty on (the lock is released, so another member takes it at once). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
