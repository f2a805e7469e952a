package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import java.util.Map;

/** Inserts a new task unless its id is taken; returns the task that is stored afterwards. */
public record InsertTask(Task task) implements EntryProcessor<String, Task, Task> {

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current != null) {
            return current;
        }
        entry.setValue(task);
        return task;
    }
}
