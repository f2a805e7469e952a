package io.weft.node.sessions;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import io.weft.node.cluster.Quorum;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.failover.AfterDeparture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the session counts right after a member leaves. The count changes it had recorded but not yet
 * written are lost with it; an entry processor the grid retried on a new owner answers that it changed
 * nothing, so its change is never recorded; and a change the dead member wrote may be undone with a
 * backup it never sent, then made and counted again. So the oldest member has every session that may
 * be touched counted again from its tasks, each once it is quiet ({@link QuietRecount}): the sessions
 * with unfinished tasks, and those whose counts say so or have gone below zero.
 */
public final class CountRepair extends MembershipAdapter {

    /** Lets the orphan reaper requeue the lost member's tasks first. */
    static final Duration DELAY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(CountRepair.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final IMap<String, TaskCounts> counts;
    private final ScheduledExecutorService background;
    private final QuietRecount recount;
    private final AtomicBoolean lossRecountPending = new AtomicBoolean();
    private final Quorum quorum;

    public CountRepair(HazelcastInstance hazelcast, ScheduledExecutorService background) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.counts = hazelcast.getMap(GridNames.SESSION_COUNTS);
        this.background = background;
        this.recount = new QuietRecount(hazelcast, background);
        this.quorum = Quorum.of(hazelcast);
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        // A side of a split without the quorum could write no count: the majority recounts.
        if (!hazelcast.getCluster().getMembers().iterator().next().localMember() || !quorum.present()) {
            return;
        }
        // A query while the lost member's partitions are still being promoted and migrated can miss
        // some of them, and a session it misses keeps its wrong counts: so it waits for them to settle.
        AfterDeparture.run(hazelcast, background, DELAY, () -> {
            try {
                Set<String> sessions = touchable();
                recount.recount(sessions);
                LOG.info("member {} left; the task counts of {} sessions are recounted as each is quiet",
                        event.getMember().getUuid(), sessions.size());
            } catch (RuntimeException e) {
                LOG.warn("finding the sessions to recount after member {} left failed", event.getMember().getUuid(), e);
            }
        });
    }

    /**
     * After a partition was lost: every session with counts is counted again from the tasks that are
     * left, once (a loss of many partitions at once asks many times within a second).
     */
    public void recountAfterLoss() {
        if (!lossRecountPending.compareAndSet(false, true)) {
            return;
        }
        AfterDeparture.run(hazelcast, background, DELAY, () -> {
            lossRecountPending.set(false);
            try {
                Set<String> sessions = new HashSet<>(counts.keySet());
                recount.recount(sessions);
                LOG.info("partitions were lost; the task counts of {} sessions are recounted as each is quiet", sessions.size());
            } catch (RuntimeException e) {
                LOG.warn("finding the sessions to recount after a loss failed", e);
            }
        });
    }

    /**
     * The cluster started on its store, which does not keep the counts: if this is the oldest member,
     * every session's counts are written from its tasks, in one pass over them, before this member
     * moves any task (changes are only ever added to counts that exist), and again once each session
     * is quiet. Returns how many sessions it counted (0 elsewhere).
     */
    public int countAllIfOldest() {
        if (!hazelcast.getCluster().getMembers().iterator().next().localMember()) {
            return 0;
        }
        Map<String, Map<TaskStatus, Long>> bySession = new HashMap<>();
        for (String session : hazelcast.<String, Object>getMap(GridNames.SESSIONS).keySet()) {
            bySession.put(session, new EnumMap<>(TaskStatus.class));
        }
        for (Object[] pair : tasks.project(Projections.multiAttribute("sessionId", "status"))) {
            bySession.computeIfAbsent((String) pair[0], id -> new EnumMap<>(TaskStatus.class))
                    .merge(TaskStatus.valueOf(pair[1].toString()), 1L, Long::sum);
        }
        Map<String, TaskCounts> counted = new HashMap<>();
        bySession.forEach((session, byStatus) -> counted.put(session, new TaskCounts(byStatus)));
        counts.putAll(counted);
        // Members that finished loading first may already move tasks: a change made between the pass
        // and the write is counted twice or not at all. Each session is counted again once quiet.
        recount.recount(counted.keySet());
        return counted.size();
    }

    /** The sessions a departure may have left with wrong counts. */
    private Set<String> touchable() {
        Set<String> sessions = new HashSet<>(tasks.aggregate(Aggregators.<Map.Entry<String, Task>, String>distinct("sessionId"),
                Predicates.in("status", TaskStatus.unfinishedNames())));
        sessions.addAll(counts.keySet(countedAsUnfinishedOrNegative()));
        return sessions;
    }

    private static Predicate<String, TaskCounts> countedAsUnfinishedOrNegative() {
        List<Predicate<String, TaskCounts>> off = new ArrayList<>();
        for (TaskStatus status : TaskStatus.values()) {
            if (!status.isTerminal()) {
                off.add(Predicates.greaterThan(status.name(), 0L));
            }
            off.add(Predicates.lessThan(status.name(), 0L));
        }
        @SuppressWarnings("unchecked")
        Predicate<String, TaskCounts>[] any = off.toArray(new Predicate[0]);
        return Predicates.or(any);
    }
}
