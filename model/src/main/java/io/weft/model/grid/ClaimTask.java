package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A worker takes a QUEUED task: QUEUED to RUNNING. Returns the running task, or {@code null} when
 * the task is not QUEUED in the expected attempt (already taken, cancelled, or a repeated dispatch),
 * which makes dispatch idempotent.
 */
public record ClaimTask(String member, int attempt, long nowMillis) implements EntryProcessor<String, Task, Task> {

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.status() != TaskStatus.QUEUED || current.attempt() != attempt) {
            return null;
        }
        Task running = current.claim(member, Instant.ofEpochMilli(nowMillis));
        entry.setValue(running);
        return running;
    }
}
