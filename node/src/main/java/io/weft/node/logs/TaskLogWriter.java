package io.weft.node.logs;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import io.weft.model.grid.AppendTaskLog;
import io.weft.model.grid.GridNames;
import io.weft.model.logs.LogLine;
import io.weft.model.logs.TaskLog;
import io.weft.model.logs.TaskLogLines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the log lines handlers write with their tasks ({@link GridNames#TASK_LOGS}). A handler's
 * {@code log} call only queues the line; every {@value #FLUSH_MILLIS} ms the lines of each task are
 * appended with one entry processor per task, which keeps the last {@code limit} lines, and the
 * stored lines are published on {@link GridNames#TASK_LOG_LINES} for the sessions' event streams.
 * So a handler that logs a lot costs one grid call per task per flush, not one per line; the price is
 * that lines show up to a tenth of a second late, and that the lines queued on a member that crashes
 * are lost with it.
 */
public final class TaskLogWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLogWriter.class);
    static final long FLUSH_MILLIS = 100;
    /** Lines queued per task between flushes beyond this are dropped: the log keeps only the last lines anyway. */
    private static final int MAX_QUEUED_PER_TASK = 10_000;

    private final IMap<String, TaskLog> logs;
    private final ITopic<TaskLogLines> published;
    private final Clock clock;
    private final int limit;
    private final Map<String, Queued> queued = new LinkedHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-task-logs");
        thread.setDaemon(true);
        return thread;
    });

    /** @param limit the most lines a task's log keeps ({@code WEFT_TASK_LOG_LINES}) */
    public TaskLogWriter(HazelcastInstance hazelcast, Clock clock, int limit) {
        this.logs = hazelcast.getMap(GridNames.TASK_LOGS);
        this.published = hazelcast.getTopic(GridNames.TASK_LOG_LINES);
        this.clock = clock;
        this.limit = limit;
    }

    public TaskLogWriter start() {
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Queues a line of a task's attempt; it is stored with the next flush. */
    public void append(String taskId, String sessionId, int attempt, String text) {
        LogLine line = LogLine.unstored(clock.instant(), attempt, text);
        synchronized (queued) {
            Queued lines = queued.computeIfAbsent(taskId, id -> new Queued(sessionId));
            if (lines.lines.size() < MAX_QUEUED_PER_TASK) {
                lines.lines.add(line);
            }
        }
    }

    /** Stores every queued line now; returns when they are in the grid. */
    public void flush() {
        Map<String, Queued> batch;
        synchronized (queued) {
            if (queued.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(queued);
            queued.clear();
        }
        List<CompletableFuture<TaskLogLines>> calls = new ArrayList<>(batch.size());
        batch.forEach((taskId, lines) -> calls.add(logs.submitToKey(taskId,
                new AppendTaskLog(lines.sessionId, lines.lines, limit)).toCompletableFuture()));
        // Waited for before the next flush, so that a task's lines are stored in the order written.
        for (CompletableFuture<TaskLogLines> call : calls) {
            TaskLogLines stored = call.join();
            if (stored != null && !stored.lines().isEmpty()) {
                published.publish(stored);
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.debug("task log lines not stored: {}", e.toString());
        }
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("task log lines lost at shutdown: {}", e.toString());
        }
    }

    private static final class Queued {
        private final String sessionId;
        private final List<LogLine> lines = new ArrayList<>();

        Queued(String sessionId) {
            this.sessionId = sessionId;
        }
    }
}
