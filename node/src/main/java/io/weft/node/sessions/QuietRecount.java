package io.weft.node.sessions;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts sessions' counts right from their tasks, each once the session is quiet.
 *
 * <p>The counts are the sum of the changes the members record and write every
 * {@link SessionCounts#FLUSH_INTERVAL}. While a session's tasks change, some of those changes are
 * always recorded and not yet written, and a count of the tasks taken then already holds them: written
 * over the counts, it would have them counted twice when they arrive (a recount while the session was
 * busy did exactly that, off by dozens). So a session is recounted only when two looks
 * {@link #LOOK_GAP} apart, each the kept counts and then the tasks' count, see the same: nothing of the
 * session changed between them, nothing is waiting to be written, and where the two differ the tasks
 * are right. The counts are then replaced only if they still hold what was read, so a change written
 * meanwhile is never overwritten.
 *
 * <p>A session stays on the list, looked at again every {@link #CHECK_INTERVAL}, until a pair of looks
 * finds its counts agreeing with its tasks, or it is purged. While no session of the list is quiet the
 * checks come at twice the interval each time, up to {@link #LONGEST_CHECK_INTERVAL}: a session busy
 * without a pause of {@code LOOK_GAP} keeps its counts as they are until it pauses, and is not
 * counted over and over meanwhile.
 */
final class QuietRecount {

    /** Ten flush intervals: a change recorded before the first look is written before the second. */
    static final Duration LOOK_GAP = Duration.ofSeconds(1);
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    /** A big session's look is many indexed counts, so while none of the list is quiet the checks thin out to this. */
    static final Duration LONGEST_CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(QuietRecount.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final IMap<String, TaskCounts> counts;
    private final ScheduledExecutorService background;
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    private boolean checking;
    private Duration interval = CHECK_INTERVAL;

    QuietRecount(HazelcastInstance hazelcast, ScheduledExecutorService background) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.counts = hazelcast.getMap(GridNames.SESSION_COUNTS);
        this.background = background;
    }

    /** Adds {@code sessions} to those to recount, and starts looking at them if nothing is looked at yet. */
    void recount(Collection<String> sessions) {
        unconfirmed.addAll(sessions);
        synchronized (this) {
            interval = CHECK_INTERVAL;
            if (checking || unconfirmed.isEmpty()) {
                return;
            }
            checking = true;
        }
        schedule(this::firstLook, Duration.ZERO);
    }

    private void firstLook() {
        Map<String, Look> first = new HashMap<>();
        try {
            for (String session : unconfirmed) {
                first.put(session, look(session));
            }
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        schedule(() -> secondLook(first), LOOK_GAP);
    }

    private void secondLook(Map<String, Look> first) {
        boolean anyQuiet = false;
        try {
            for (Map.Entry<String, Look> earlier : first.entrySet()) {
                String session = earlier.getKey();
                Look now = look(session);
                if (now.kept() == null) {
                    unconfirmed.remove(session);
                } else if (now.equals(earlier.getValue())) {
                    anyQuiet = true;
                    if (now.agree()) {
                        unconfirmed.remove(session);
                    } else if (counts.replace(session, now.kept(), now.recounted())) {
                        // Kept on the list: a pair of looks confirms it at the next check.
                        LOG.info("session {} quiet: its task counts {} recounted from its tasks as {}", session,
                                now.kept().byStatus(), now.counted());
                    }
                }
            }
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        synchronized (this) {
            Duration doubled = interval.multipliedBy(2);
            interval = anyQuiet ? CHECK_INTERVAL
                    : doubled.compareTo(LONGEST_CHECK_INTERVAL) > 0 ? LONGEST_CHECK_INTERVAL : doubled;
        }
        next();
    }

    private void failed(RuntimeException e) {
        if (hazelcast.getLifecycleService().isRunning()) {
            LOG.warn("recounting session task counts failed; trying again", e);
        }
        next();
    }

    private void next() {
        Duration wait;
        synchronized (this) {
            if (unconfirmed.isEmpty()) {
                checking = false;
                return;
            }
            wait = interval;
        }
        schedule(this::firstLook, wait);
    }

    private void schedule(Runnable step, Duration delay) {
        if (!hazelcast.getLifecycleService().isRunning()) {
            return;
        }
        try {
            background.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // This member is shutting down; a survivor recounts after its departure.
        }
    }

    /** The kept counts first, then the tasks: a change written after the first read shows in the second. */
    private Look look(String session) {
        TaskCounts kept = counts.get(session);
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            long n = tasks.aggregate(Aggregators.count(),
                    Predicates.and(Predicates.equal("sessionId", session), Predicates.equal("status", status.name())));
            if (n > 0) {
                byStatus.put(status, n);
            }
        }
        return new Look(kept, byStatus);
    }

    /** One look at a session: its kept counts ({@code null} once purged) and its tasks counted by status. */
    private record Look(TaskCounts kept, Map<TaskStatus, Long> counted) {

        boolean agree() {
            for (TaskStatus status : TaskStatus.values()) {
                if (kept.get(status) != counted.getOrDefault(status, 0L)) {
                    return false;
                }
            }
            return true;
        }

        /** The tasks' counts, keeping at 0 the statuses the kept counts had touched. */
        TaskCounts recounted() {
            Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
            kept.byStatus().keySet().forEach(status -> byStatus.put(status, 0L));
            byStatus.putAll(counted);
            return new TaskCounts(byStatus);
        }
    }
}
