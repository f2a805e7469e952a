package io.weft.node.scheduling;

import com.hazelcast.core.EntryEvent;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.changes.OwnedTaskHandler;
import java.util.Set;

/**
 * Changes of this member's tasks that leave them QUEUED or SCHEDULED, whoever wrote them (the due-time
 * stage promoting, a worker's failed attempt, the reaper requeueing, a client or a node releasing a
 * dependency), told to {@link DueSignals}; through the member's one owner listener
 * ({@code OwnedTaskChanges}).
 *
 * <p>This replaced the tasks map's event journal as the scheduler job's source. The journal held every
 * change of every task, and its reader, parked on each partition, was woken by each one to read it,
 * deserialise the task and drop it: 13 % of the partition threads' time or more in the echo
 * benchmark, for changes the job never wanted (docs/benchmarks.md).
 */
public final class DueTaskChanges implements OwnedTaskHandler {

    private static final Set<TaskStatus> DUE_OR_DELAYED = Set.of(TaskStatus.QUEUED, TaskStatus.SCHEDULED);

    private final DueSignals signals;

    public DueTaskChanges(DueSignals signals) {
        this.signals = signals;
    }

    @Override
    public Set<TaskStatus> statuses() {
        return DUE_OR_DELAYED;
    }

    @Override
    public void changed(EntryEvent<String, Task> change) {
        signals.tell(change.getValue());
    }
}
