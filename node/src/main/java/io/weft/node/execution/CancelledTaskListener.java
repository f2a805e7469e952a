package io.weft.node.execution;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.metrics.NodeMetrics;

/**
 * Cancellations as the member that owns the task sees them. A cancel is an entry processor that any
 * client runs; its change event is the one place that sees it once on the owner (the processor itself
 * runs again on the backups). The owner's dispatcher is told, so that a task it holds does not start
 * and one it runs without a claim stops (the grid showed it QUEUED, so the canceller could not know
 * where it ran); and the cancel is counted. Filtered in the grid, so other changes cost no event.
 */
public final class CancelledTaskListener implements EntryUpdatedListener<String, Task> {

    private final Dispatcher dispatcher;
    private final NodeMetrics metrics;

    private CancelledTaskListener(Dispatcher dispatcher, NodeMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    public static void listen(HazelcastInstance member, Dispatcher dispatcher, NodeMetrics metrics) {
        IMap<String, Task> tasks = member.getMap(GridNames.TASKS);
        tasks.addLocalEntryListener(new CancelledTaskListener(dispatcher, metrics),
                Predicates.equal("status", TaskStatus.CANCELLED.name()), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Task> event) {
        Task before = event.getOldValue();
        if (before != null && before.status() == TaskStatus.CANCELLED) {
            return;
        }
        Task cancelled = event.getValue();
        dispatcher.cancelled(cancelled.id(), cancelled.attempt());
        metrics.cancelled.labels(cancelled.type()).inc();
    }
}
