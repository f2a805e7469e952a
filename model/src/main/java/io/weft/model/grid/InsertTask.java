package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import java.util.Map;

/**
 * Inserts a new task unless its id is taken; returns the task stored afterwards, changed only if
 * this insert stored it (an earlier submit with the same idempotency key leaves it unchanged).
 */
public record InsertTask(Task task) implements EntryProcessor<String, Task, TaskUpdate> {

    @Override
    public TaskUpdate process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current != null) {
            return TaskUpdate.unchanged(current);
        }
        entry.setValue(task);
        return TaskUpdate.changed(task);
    }
}
