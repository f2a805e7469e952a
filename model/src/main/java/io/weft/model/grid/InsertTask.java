package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import java.util.Map;

/**
 * Inserts a new task unless its id is taken. Returns {@code null} when it stored the task it was
 * given, which the caller already holds (an answer is serialised, and a task is the largest record
 * the grid keeps), else the task an earlier submit with the same idempotency key stored, left as it is.
 */
public record InsertTask(Task task) implements EntryProcessor<String, Task, Task> {

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current != null) {
            return current;
        }
        entry.setValue(task);
        return null;
    }
}
