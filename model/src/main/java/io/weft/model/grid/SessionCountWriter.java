package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Applies the count changes of status changes at once, one entry processor per session, for callers
 * that change tasks outside a node (a client's cancel) and so have no node's batching at hand.
 */
public final class SessionCountWriter {

    private final IMap<String, TaskCounts> counts;

    public SessionCountWriter(HazelcastInstance hazelcast) {
        this.counts = hazelcast.getMap(GridNames.SESSION_COUNTS);
    }

    /** Adds the latest status change of each task in {@code changed}; returns once all are applied. */
    public void apply(Collection<Task> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<CompletableFuture<Boolean>> pending = new ArrayList<>();
        for (Map.Entry<String, TaskCounts> change : TaskCounts.changesBySession(changed).entrySet()) {
            pending.add(counts.submitToKey(change.getKey(), new AddTaskCounts(change.getValue())).toCompletableFuture());
        }
        pending.forEach(CompletableFuture::join);
    }
}
