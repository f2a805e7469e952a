package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * SCHEDULED to QUEUED once due. Fenced by the attempt it was scheduled for, so a stale timer entry
 * (the task was cancelled, or rescheduled by a later failure) changes nothing.
 */
public record PromoteDueTask(int attempt, long nowMillis) implements EntryProcessor<String, Task, Task> {

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        Instant now = Instant.ofEpochMilli(nowMillis);
        if (current == null || current.status() != TaskStatus.SCHEDULED || current.attempt() != attempt
                || current.dueAt().isAfter(now)) {
            return null;
        }
        Task queued = current.promote(now);
        entry.setValue(queued);
        return queued;
    }
}
