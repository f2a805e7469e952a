package io.weft.node.sessions;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.weft.model.grid.AddTaskCounts;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskChangeRecorder;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status changes this node makes, added up per session and written to
 * {@link GridNames#SESSION_COUNTS} every {@link #FLUSH_INTERVAL} as one entry processor per session:
 * the counts cost a grid call per session and interval, not one per change, and nobody ever scans the
 * tasks to count them. So the counts trail the tasks by up to one interval.
 *
 * <p>What a member has recorded but not yet written is lost if it crashes; {@link CountRepair} then
 * counts the affected sessions again from the tasks. Callers record only the changes an entry
 * processor says it made, so a repeated insert or claim is not counted twice.
 */
public final class SessionCounts implements TaskChangeRecorder, AutoCloseable {

    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SessionCounts.class);
    private static final TaskStatus[] STATUSES = TaskStatus.values();

    private final IMap<String, TaskCounts> counts;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-session-counts");
        thread.setDaemon(true);
        return thread;
    });
    /** Runs our callbacks on the flusher's thread (never the common pool); drops them once it is shut. */
    private final Executor callbacks = command -> {
        try {
            flusher.execute(command);
        } catch (RejectedExecutionException closed) {
            // The node is stopping; what was not written is recounted by the survivors.
        }
    };
    private ScheduledFuture<?> schedule;

    public SessionCounts(HazelcastInstance hazelcast) {
        this.counts = hazelcast.getMap(GridNames.SESSION_COUNTS);
    }

    public synchronized void start() {
        long millis = FLUSH_INTERVAL.toMillis();
        schedule = flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(Task changed) {
        recordFrom(changed, changed.history().size() - 1);
    }

    /**
     * Records the changes of {@code changed}'s history from position {@code first} on, which one write
     * made (a short attempt's start and outcome): the task left the status before them for its latest.
     */
    public void recordFrom(Task changed, int first) {
        TaskStatus from = first == 0 ? null : changed.history().get(first - 1).status();
        TaskStatus to = changed.status();
        pending.compute(changed.sessionId(), (session, sum) -> (sum == null ? new Pending() : sum).add(from, to));
    }

    /** Records the task that an asynchronous change returns; a {@code null} result changed nothing. */
    public void recordWhenDone(CompletionStage<Task> change) {
        change.whenCompleteAsync((task, error) -> {
            if (task != null) {
                record(task);
            }
        }, callbacks);
    }

    /** Writes what was recorded so far; completes once every session's change is applied (or put back). */
    public CompletableFuture<Void> flush() {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (String session : pending.keySet()) {
            Pending sum = pending.remove(session);
            if (sum == null) {
                continue;
            }
            TaskCounts change = sum.toCounts();
            writes.add(counts.submitToKey(session, new AddTaskCounts(change)).toCompletableFuture()
                    .whenCompleteAsync((applied, error) -> {
                        if (error != null) {
                            putBack(session, change, error);
                        }
                    }, callbacks));
        }
        return CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0]));
    }

    /** Stops the schedule and writes what is left, waiting a few seconds at most (a graceful shutdown). */
    @Override
    public void close() {
        synchronized (this) {
            if (schedule != null) {
                schedule.cancel(false);
            }
        }
        try {
            flush().get(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("session counts not all written before shutdown; the survivors recount", e);
        } finally {
            flusher.shutdownNow();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.debug("flushing session counts failed; the next flush tries again", e);
        }
    }

    /** A write that failed is tried again with the next flush, unless this member is going away. */
    private void putBack(String session, TaskCounts change, Throwable error) {
        if (error instanceof HazelcastInstanceNotActiveException || error.getCause() instanceof HazelcastInstanceNotActiveException) {
            return;
        }
        LOG.debug("writing the counts of session {} failed; trying again", session, error);
        pending.compute(session, (key, sum) -> (sum == null ? new Pending() : sum).addAll(change));
    }

    /** One session's changes since the last flush; mutated only inside {@code pending.compute}. */
    private static final class Pending {
        private final long[] change = new long[STATUSES.length];
        private final boolean[] touched = new boolean[STATUSES.length];

        Pending add(TaskStatus from, TaskStatus to) {
            if (from != null) {
                change[from.ordinal()]--;
                touched[from.ordinal()] = true;
            }
            change[to.ordinal()]++;
            touched[to.ordinal()] = true;
            return this;
        }

        Pending addAll(TaskCounts counts) {
            counts.byStatus().forEach((status, count) -> {
                change[status.ordinal()] += count;
                touched[status.ordinal()] = true;
            });
            return this;
        }

        TaskCounts toCounts() {
            Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
            for (TaskStatus status : STATUSES) {
                if (touched[status.ordinal()]) {
                    byStatus.put(status, change[status.ordinal()]);
                }
            }
            return new TaskCounts(byStatus);
        }
    }
}
