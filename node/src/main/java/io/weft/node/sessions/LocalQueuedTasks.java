package io.weft.node.sessions;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.execution.DueTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hands the QUEUED tasks of one session that this member owns to its dispatcher, when the session
 * leaves PAUSED: every member does it for its own partitions, so the whole session is dispatched at
 * once, without waiting for the sweep, and each task where its data is.
 */
public final class LocalQueuedTasks {

    private static final int BATCH = 1_000;

    private final IMap<String, Task> tasks;
    private final Consumer<DueTask> dispatch;

    public LocalQueuedTasks(IMap<String, Task> tasks, Consumer<DueTask> dispatch) {
        this.tasks = tasks;
        this.dispatch = dispatch;
    }

    /** Returns how many tasks it handed over. */
    public int dispatch(String sessionId) {
        Set<String> ids = tasks.localKeySet(Predicates.and(Predicates.equal("sessionId", sessionId),
                Predicates.equal("status", TaskStatus.QUEUED.name())));
        int handed = 0;
        List<String> batch = new ArrayList<>(Math.min(BATCH, ids.size()));
        for (String id : ids) {
            batch.add(id);
            if (batch.size() == BATCH) {
                handed += dispatchBatch(batch);
            }
        }
        return handed + dispatchBatch(batch);
    }

    private int dispatchBatch(List<String> batch) {
        int handed = 0;
        if (!batch.isEmpty()) {
            for (Task task : tasks.getAll(Set.copyOf(batch)).values()) {
                if (task.status() == TaskStatus.QUEUED) {
                    dispatch.accept(DueTask.of(task));
                    handed++;
                }
            }
            batch.clear();
        }
        return handed;
    }
}
