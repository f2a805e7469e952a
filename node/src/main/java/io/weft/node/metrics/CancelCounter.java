package io.weft.node.metrics;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;

/**
 * Counts cancellations on the member that owns the task. A cancel is an entry processor that any
 * client runs; its change event is the one place that sees it once on the owner (the processor
 * itself runs again on the backups). Filtered in the grid, so other changes cost no event.
 */
final class CancelCounter implements EntryUpdatedListener<String, Task> {

    private final NodeMetrics metrics;

    private CancelCounter(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    static void listen(HazelcastInstance member, NodeMetrics metrics) {
        IMap<String, Task> tasks = member.getMap(GridNames.TASKS);
        tasks.addLocalEntryListener(new CancelCounter(metrics),
                Predicates.equal("status", TaskStatus.CANCELLED.name()), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Task> event) {
        Task before = event.getOldValue();
        if (before != null && before.status() == TaskStatus.CANCELLED) {
            return;
        }
        metrics.cancelled.labels(event.getValue().type()).inc();
    }
}
