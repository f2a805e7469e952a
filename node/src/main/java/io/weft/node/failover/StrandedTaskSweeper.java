package io.weft.node.failover;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.PromoteDueTask;
import io.weft.model.grid.RequeueOrphan;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.execution.Dispatcher;
import io.weft.node.execution.DueTask;
import io.weft.node.metrics.NodeMetrics;
import io.weft.node.sessions.PausedSessions;
import io.weft.node.sessions.SessionCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The safety net under the event path. Events can be missed: the scheduler job restarts when members
 * come and go, a partition can move while its tasks' signals wait on the member it left, and a member
 * that dies takes the signals it held. So each node looks, every interval, at
 * the partitions it owns for tasks that should be moving and are not: QUEUED for a whole interval and
 * held by no lane here, SCHEDULED past their due time, RUNNING on a member that is gone.
 *
 * <p>The QUEUED look is taken every {@value #QUEUED_EVERY}th pass only. Under load most queued tasks are
 * legitimately old (they wait for a slot in a lane here), so that look reads every one of them and asks
 * the dispatcher about each: a cost that grows with the queue, for an event that is missed only when the
 * scheduler job restarts or a member or a partition moves. The other looks read only what is overdue or running.
 * So a member's departure, the event that look is for, also brings a pass with it
 * ({@link #sweepAfterEachDeparture}): the dead member's waiting tasks, and the attempts it had started
 * without their start written yet, which look QUEUED too, need not wait up to {@value #QUEUED_EVERY}
 * intervals for their turn (docs/benchmarks.md, item 17).
 */
public final class StrandedTaskSweeper extends Audit {

    static final int QUEUED_EVERY = 5;
    private static final long NO_QUEUED_LOOK = Long.MIN_VALUE;

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final Dispatcher dispatcher;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private final PausedSessions paused;
    private final SessionCounts counts;
    private int passes;

    public StrandedTaskSweeper(HazelcastInstance hazelcast, Dispatcher dispatcher, NodeMetrics metrics, Clock clock,
                               Duration interval, PausedSessions paused, SessionCounts counts) {
        super(hazelcast, "the sweep");
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
        this.paused = paused;
        this.counts = counts;
    }

    @Override
    public int audit() {
        return sweep();
    }

    /**
     * Once each member leaves, runs a pass on {@code executor} that offers the QUEUED tasks no lane here
     * holds, whatever the pass count: those queued before the member left, whose signals may have been
     * with it, however briefly they waited. The first pass runs as soon as the lost member's partitions
     * have live owners, milliseconds after it left; the cluster is safe only seconds later under load
     * (its backups copied again), and the lost member's waiting tasks would wait for that too. A partition
     * that moves between the survivors during that pass may be missed by both, so a second pass follows
     * once the cluster is safe.
     */
    public void sweepAfterEachDeparture(ScheduledExecutorService executor) {
        hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberRemoved(MembershipEvent event) {
                long left = clock.millis();
                Audit pass = new Audit(hazelcast, "the sweep after a departure") {
                    @Override
                    public int audit() {
                        return sweep(left);
                    }
                };
                pass.runOncePromoted(executor);
                pass.runAfterDeparture(executor, Duration.ZERO);
            }
        });
    }

    /**
     * Tasks the grid says run here, that this node neither runs nor waits to record: a claim whose
     * answer was lost with a dying partition owner. They are handed back to the queue.
     */
    private int requeueOwnedButNotRunning(long before, long now) {
        String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        int moved = 0;
        Set<String> mine = tasks.keySet(Predicates.and(Predicates.equal("worker", self),
                Predicates.equal("status", TaskStatus.RUNNING.name()), Predicates.lessThan("statusTime", before)));
        for (String id : mine) {
            if (!dispatcher.holds(id)) {
                Task requeued = tasks.executeOnKey(id, new RequeueOrphan(self, now));
                if (requeued != null) {
                    counts.record(requeued);
                    dispatcher.accept(DueTask.of(requeued));
                    moved++;
                }
            }
        }
        return moved;
    }

    /**
     * QUEUED tasks of paused sessions wait on purpose: the query leaves them out, so a million paused
     * tasks are neither read nor offered (the status index still lists them to the query).
     */
    private Predicate<String, Task> notPaused(Predicate<String, Task> query) {
        Set<String> held = paused.sessionIds();
        if (held.isEmpty()) {
            return query;
        }
        return Predicates.and(query, Predicates.not(Predicates.in("sessionId", held.toArray(new String[0]))));
    }

    /**
     * QUEUED tasks queued before {@code before} (a whole interval ago, or a departure) that no lane here
     * holds: offered again.
     */
    private int offerQueuedNotHeld(long before) {
        Set<String> queued = tasks.localKeySet(notPaused(Predicates.and(Predicates.equal("status", TaskStatus.QUEUED.name()),
                Predicates.lessThan("statusTime", before))));
        Set<String> notHeld = new HashSet<>();
        queued.stream().filter(id -> !dispatcher.holds(id)).forEach(notHeld::add);
        int offered = 0;
        if (!notHeld.isEmpty()) {
            for (Task task : tasks.getAll(notHeld).values()) {
                if (task.status() == TaskStatus.QUEUED) {
                    dispatcher.accept(DueTask.of(task));
                    offered++;
                }
            }
        }
        return offered;
    }

    /**
     * One pass that offers every QUEUED task no lane here holds, however recently queued: for a node that
     * has just loaded the store, whose lanes are empty.
     */
    public int sweepEverything() {
        return sweep(clock.millis() + 1);
    }

    /** One pass, with the QUEUED look if it is its turn; returns how many tasks it moved on. */
    public int sweep() {
        return sweep(passes++ % QUEUED_EVERY == 0 ? clock.millis() - interval.toMillis() : NO_QUEUED_LOOK);
    }

    /** @param queuedBefore offer the QUEUED tasks no lane holds that were queued before this; or {@link #NO_QUEUED_LOOK} */
    private int sweep(long queuedBefore) {
        long now = clock.millis();
        long before = now - interval.toMillis();
        int moved = queuedBefore == NO_QUEUED_LOOK ? 0 : offerQueuedNotHeld(queuedBefore);
        Set<String> overdue = tasks.localKeySet(Predicates.and(Predicates.equal("status", TaskStatus.SCHEDULED.name()),
                Predicates.lessThan("statusTime", before)));
        for (Task task : tasks.getAll(overdue).values()) {
            counts.recordWhenDone(tasks.submitToKey(task.id(), new PromoteDueTask(task.attempt(), now)));
            moved++;
        }
        Set<String> live = new HashSet<>();
        hazelcast.getCluster().getMembers().forEach(m -> live.add(m.getUuid().toString()));
        Set<String> running = tasks.localKeySet(Predicates.equal("status", TaskStatus.RUNNING.name()));
        for (Task task : tasks.getAll(running).values()) {
            if (task.worker() != null && !live.contains(task.worker())) {
                Task requeued = tasks.executeOnKey(task.id(), new RequeueOrphan(task.worker(), now));
                if (requeued != null) {
                    counts.record(requeued);
                    metrics.failoverRequeues.inc();
                    dispatcher.accept(DueTask.of(requeued));
                    moved++;
                }
            }
        }
        moved += requeueOwnedButNotRunning(before, now);
        if (moved > 0) {
            metrics.sweptTasks.inc(moved);
        }
        return moved;
    }
}
