package io.weft.node.sessions;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.MemberBroadcast;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.failover.AfterDeparture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the session counts right after a member leaves. The count changes it had recorded but not yet
 * written (up to {@link SessionCounts#FLUSH_INTERVAL} of them) are lost with it, and so is the answer
 * of an entry processor the grid retried on a new owner. So the oldest member counts again, once, from
 * the tasks themselves (indexed count aggregations per session and status), the sessions that still
 * have unfinished tasks or whose counts say they have.
 *
 * <p>It first asks every member to write its recorded changes, so that those are not added twice. A
 * change recorded between that flush and the aggregation may still be counted twice; the window is a
 * few milliseconds, once per lost member.
 */
public final class CountRepair extends MembershipAdapter {

    /** Lets the orphan reaper requeue the lost member's tasks first, so their moves are counted once. */
    static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(CountRepair.class);
    private static final List<TaskStatus> UNFINISHED = List.of(TaskStatus.WAITING, TaskStatus.SCHEDULED,
            TaskStatus.QUEUED, TaskStatus.RUNNING);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final IMap<String, TaskCounts> counts;
    private final ScheduledExecutorService background;

    public CountRepair(HazelcastInstance hazelcast, ScheduledExecutorService background) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.counts = hazelcast.getMap(GridNames.SESSION_COUNTS);
        this.background = background;
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        if (!hazelcast.getCluster().getMembers().iterator().next().localMember()) {
            return;
        }
        // A query while the lost member's partitions are still being promoted and migrated can miss
        // some of them, and a session it misses keeps its wrong counts: so it waits for them to settle.
        AfterDeparture.run(hazelcast, background, DELAY, () -> {
            try {
                int sessions = recount();
                LOG.info("member {} left; task counts of {} sessions recounted", event.getMember().getUuid(), sessions);
            } catch (RuntimeException e) {
                LOG.warn("recounting session task counts after member {} left failed", event.getMember().getUuid(), e);
            }
        });
    }

    /** Counts again the sessions whose counts may be off; returns how many. */
    public int recount() {
        MemberBroadcast.toAllMembers(hazelcast, new FlushCounts(hazelcast.getCluster().getLocalMember().getUuid().toString()),
                FLUSH_LIMIT, "flushing session counts");
        Set<String> sessions = new HashSet<>(tasks.aggregate(Aggregators.<Map.Entry<String, Task>, String>distinct("sessionId"),
                Predicates.in("status", names(UNFINISHED))));
        sessions.addAll(counts.keySet(countedAsUnfinished()));
        for (String session : sessions) {
            counts.replace(session, countOf(session));
        }
        return sessions.size();
    }

    private TaskCounts countOf(String session) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            long n = tasks.aggregate(Aggregators.count(),
                    Predicates.and(Predicates.equal("sessionId", session), Predicates.equal("status", status.name())));
            if (n > 0) {
                byStatus.put(status, n);
            }
        }
        return new TaskCounts(byStatus);
    }

    /** Counts that say some task is unfinished (or went below zero), by the per-status fields. */
    private static Predicate<String, TaskCounts> countedAsUnfinished() {
        List<Predicate<String, TaskCounts>> off = new ArrayList<>();
        for (TaskStatus status : UNFINISHED) {
            off.add(Predicates.greaterThan(status.name(), 0L));
            off.add(Predicates.lessThan(status.name(), 0L));
        }
        @SuppressWarnings("unchecked")
        Predicate<String, TaskCounts>[] any = off.toArray(new Predicate[0]);
        return Predicates.or(any);
    }

    private static String[] names(List<TaskStatus> statuses) {
        return statuses.stream().map(TaskStatus::name).toArray(String[]::new);
    }
}
