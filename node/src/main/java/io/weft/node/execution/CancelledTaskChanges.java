package io.weft.node.execution;

import com.hazelcast.core.EntryEvent;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.changes.OwnedTaskHandler;
import io.weft.node.metrics.NodeMetrics;
import java.util.Set;

/**
 * Cancellations as the member that owns the task sees them. A cancel is an entry processor that any
 * client runs; its change event is the one place that sees it once on the owner (the processor itself
 * runs again on the backups). The owner's dispatcher is told, so that a task it holds does not start
 * and one it runs without a claim stops (the grid showed it QUEUED, so the canceller could not know
 * where it ran); and the cancel is counted. Told through the member's one owner listener
 * ({@code OwnedTaskChanges}).
 */
public final class CancelledTaskChanges implements OwnedTaskHandler {

    private static final Set<TaskStatus> CANCELLED = Set.of(TaskStatus.CANCELLED);

    private final Dispatcher dispatcher;
    private final NodeMetrics metrics;

    public CancelledTaskChanges(Dispatcher dispatcher, NodeMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public Set<TaskStatus> statuses() {
        return CANCELLED;
    }

    @Override
    public void changed(EntryEvent<String, Task> change) {
        Task before = change.getOldValue();
        if (before != null && before.status() == TaskStatus.CANCELLED) {
            return;
        }
        Task cancelled = change.getValue();
        dispatcher.cancelled(cancelled.id(), cancelled.attempt());
        metrics.cancelled.labels(cancelled.type()).inc();
    }
}
