package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import java.time.Instant;
import java.util.Map;

/**
 * Tells a WAITING task that one of its inputs is settled: COMPLETED (with its size, for locality) or
 * never to be produced. Idempotent: a task told twice, or no longer waiting for that input, is left
 * alone. Returns the task after the change, or {@code null} when nothing changed.
 */
public record ResolveInput(String resultId, boolean completed, long bytes, String why, long nowMillis)
        implements EntryProcessor<String, Task, Task> {

    public static ResolveInput ready(String resultId, long bytes, long nowMillis) {
        return new ResolveInput(resultId, true, bytes, null, nowMillis);
    }

    public static ResolveInput aborted(String resultId, String why, long nowMillis) {
        return new ResolveInput(resultId, false, 0, why, nowMillis);
    }

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null) {
            return null;
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        Task next = completed ? current.inputReady(resultId, bytes, now) : current.inputAborted(resultId, why, now);
        if (next == current) {
            return null;
        }
        entry.setValue(next);
        return next;
    }
}
