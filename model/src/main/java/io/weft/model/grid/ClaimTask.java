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
 * returns it again, so the worker still runs what it owns. It is marked unchanged, so that a
 * repeated claim is never counted twice; when the first answer was lost with its member, the
 * recount after that member left puts the session's counts right.
 */
public record ClaimTask(String member, int attempt, long nowMillis) implements EntryProcessor<String, Task, TaskUpdate> {

    @Override
    public TaskUpdate process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.attempt() != attempt) {
            return null;
        }
        if (current.status() == TaskStatus.RUNNING && member.equals(current.worker())) {
            return TaskUpdate.unchanged(current);
        }
        if (current.status() != TaskStatus.QUEUED) {
            return null;
        }
        Task running = current.claim(member, Instant.ofEpochMilli(nowMillis));
        entry.setValue(running);
        return TaskUpdate.changed(running);
    }
}
