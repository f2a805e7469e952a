package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A worker takes a QUEUED task: QUEUED to RUNNING. Returns the running task, or {@code null} when
 * the task is not QUEUED in the expected attempt (already taken, cancelled, or a repeated dispatch),
 * which makes dispatch idempotent. A claim the grid retries after its first run succeeded (the
 * partition's owner died before answering) finds the task RUNNING this attempt on this member, and
 * returns it again, so the worker still runs what it owns.
 */
public record ClaimTask(String member, int attempt, long nowMillis) implements EntryProcessor<String, Task, Task> {

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.attempt() != attempt) {
            return null;
        }
        if (current.status() == TaskStatus.RUNNING && member.equals(current.worker())) {
            return current;
        }
        if (current.status() != TaskStatus.QUEUED) {
            return null;
        }
        Task running = current.claim(member, Instant.ofEpochMilli(nowMillis));
        entry.setValue(running);
        return running;
    }
}
