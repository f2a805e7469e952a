package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Inputs;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Tells a WAITING task that its inputs are settled: all COMPLETED ({@code largest} the biggest), or
 * one of them ({@code resultId}) never to be produced. Idempotent: a task no longer WAITING is left
 * alone. Returns the task after the change, or {@code null} when nothing changed.
 */
public record ResolveInput(boolean completed, Inputs largest, String resultId, String why, long nowMillis)
        implements EntryProcessor<String, Task, Task> {

    public static ResolveInput ready(Inputs largest, long nowMillis) {
        return new ResolveInput(true, largest, null, null, nowMillis);
    }

    public static ResolveInput aborted(String resultId, String why, long nowMillis) {
        return new ResolveInput(false, Inputs.NONE, resultId, why, nowMillis);
    }

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.status() != TaskStatus.WAITING) {
            return null;
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        Task next = completed ? current.inputsReady(largest, now) : current.inputAborted(resultId, why, now);
        if (next == current) {
            return null;
        }
        entry.setValue(next);
        return next;
    }
}
