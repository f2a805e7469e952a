package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Hands a task whose worker left the cluster back to the survivors: RUNNING to QUEUED with the
 * next attempt, so the lost attempt's fence is stale from now on. Returns the requeued task, or
 * {@code null} if the task had already moved on.
 */
public record RequeueOrphan(String deadMember, long nowMillis) implements EntryProcessor<String, Task, Task> {

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.status() != TaskStatus.RUNNING || !deadMember.equals(current.worker())) {
            return null;
        }
        Task requeued = current.requeue(Instant.ofEpochMilli(nowMillis));
        entry.setValue(requeued);
        return requeued;
    }
}
