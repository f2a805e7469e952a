package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import java.time.Instant;
import java.util.Map;

/**
 * Cancels a task that has not finished. Returns the task afterwards (unchanged if it had already
 * finished), or {@code null} if there is no such task. A RUNNING task becomes CANCELLED at once;
 * its worker is told to interrupt the attempt, whose late completion the fence then refuses.
 */
public record CancelTask(long nowMillis) implements EntryProcessor<String, Task, TaskUpdate> {

    @Override
    public TaskUpdate process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null) {
            return null;
        }
        if (current.status().isTerminal()) {
            return TaskUpdate.unchanged(current);
        }
        Task cancelled = current.cancel(Instant.ofEpochMilli(nowMillis));
        entry.setValue(cancelled);
        return TaskUpdate.changed(cancelled);
    }
}
