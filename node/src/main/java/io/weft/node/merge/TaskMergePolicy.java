package io.weft.node.merge;

import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;

/**
 * Tasks merge by their state machine: a terminal outcome is never replaced; otherwise the higher
 * attempt wins (its fence refuses the other side's attempt), then the later status change. Two
 * different terminal outcomes cannot be reconciled: the larger side's is kept and the conflict counted.
 */
public final class TaskMergePolicy extends StateOrderMergePolicy<Task> {

    @Override
    protected Winner choose(Task merging, Task existing) {
        boolean mergingEnded = merging.status().isTerminal();
        boolean existingEnded = existing.status().isTerminal();
        if (existingEnded && mergingEnded) {
            if (merging.status() != existing.status() || merging.attempt() != existing.attempt()) {
                MergeConflicts.record("task", existing.id(), existing.status() + " (attempt " + existing.attempt() + ")",
                        merging.status() + " (attempt " + merging.attempt() + ")");
            }
            return Winner.EXISTING;
        }
        if (existingEnded || mergingEnded) {
            return existingEnded ? Winner.EXISTING : Winner.MERGING;
        }
        if (merging.attempt() != existing.attempt()) {
            return merging.attempt() > existing.attempt() ? Winner.MERGING : Winner.EXISTING;
        }
        return lastChange(merging).at().isAfter(lastChange(existing).at()) ? Winner.MERGING : Winner.EXISTING;
    }

    private static StatusChange lastChange(Task task) {
        return task.history().get(task.history().size() - 1);
    }
}
