package io.weft.node.scheduling;

import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.execution.DueTask;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The tasks of this member's partitions that became delayed (SCHEDULED), waiting for the scheduler
 * job to take them ({@link DueSignalSource}). Two things tell it: {@link DueTaskChanges}, of every
 * change that leaves a task SCHEDULED (a retry waiting out its back-off, a task whose inputs are ready
 * before its due time), and the member's insert observer, of the tasks a batch inserted SCHEDULED. A
 * task written QUEUED, inserted or changed, goes to the dispatcher directly and does not come through
 * here.
 *
 * <p>Held in memory only: a signal lost with its member, or queued here when its partition moved, is
 * made good by the due-time stage, which loads its partitions' tasks when the job (re)starts, and by
 * the sweep. A signal told twice is harmless: promotion is idempotent.
 */
public final class DueSignals {

    private final Queue<DueTask> waiting = new ConcurrentLinkedQueue<>();

    /** A change left {@code task} SCHEDULED. */
    public void tell(Task task) {
        waiting.add(DueTask.of(task));
    }

    /** Tasks a batch inserted: the SCHEDULED ones wait here for the job; the others are not its business. */
    public void inserted(List<Task> stored) {
        for (Task task : stored) {
            if (task.status() == TaskStatus.SCHEDULED) {
                tell(task);
            }
        }
    }

    /** The oldest signal not yet taken, or {@code null}. */
    DueTask poll() {
        return waiting.poll();
    }
}
