package io.weft.node.scheduling;

import com.hazelcast.core.EntryEvent;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.changes.OwnedTaskHandler;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Changes of this member's tasks that leave them QUEUED or SCHEDULED, whoever wrote them (the due-time
 * stage promoting, a worker's failed attempt, the reaper requeueing, a client or a node releasing a
 * dependency), through the member's one owner listener ({@code OwnedTaskChanges}). A QUEUED task is
 * due now and goes straight to this member's dispatcher, as a task inserted QUEUED does; a SCHEDULED
 * one waits for its time in the scheduler job, told through {@link DueSignals}.
 *
 * <p>Why QUEUED tasks skip the job: its due-time stage passes them straight through, after three hops
 * (the source, the stage, the sink, each polled by Jet with an idle back-off). The owner alone
 * dispatches such a change, so a task is offered once, as written, on the member that may start it
 * without a claim or a read: a chain's edge fell from 1.1 to 0.85 ms (docs/benchmarks.md, item 14).
 *
 * <p>This replaced the tasks map's event journal as the scheduler job's source. The journal held every
 * change of every task, and its reader, parked on each partition, was woken by each one to read it,
 * deserialise the task and drop it: 13 % of the partition threads' time or more in the echo
 * benchmark (docs/benchmarks.md).
 */
public final class DueTaskChanges implements OwnedTaskHandler {

    private static final Set<TaskStatus> DUE_OR_DELAYED = Set.of(TaskStatus.QUEUED, TaskStatus.SCHEDULED);

    private final DueSignals delayed;
    private final Consumer<Task> due;

    /** {@code due}: where a task written QUEUED goes (the member's dispatcher). */
    public DueTaskChanges(DueSignals delayed, Consumer<Task> due) {
        this.delayed = delayed;
        this.due = due;
    }

    @Override
    public Set<TaskStatus> statuses() {
        return DUE_OR_DELAYED;
    }

    @Override
    public void changed(EntryEvent<String, Task> change) {
        Task task = change.getValue();
        if (task.status() == TaskStatus.QUEUED) {
            due.accept(task);
        } else {
            delayed.tell(task);
        }
    }
}
