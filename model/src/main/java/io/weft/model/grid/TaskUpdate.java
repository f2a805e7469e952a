package io.weft.model.grid;

import io.weft.model.Checks;
import io.weft.model.task.Task;

/**
 * What an idempotent entry processor left in the grid: the task, and whether this run of the
 * processor changed it. Callers count a status change only when {@code changed}: a repeated insert
 * or claim returns the task as it already was, and must not be counted twice.
 */
public record TaskUpdate(Task task, boolean changed) {

    public TaskUpdate {
        Checks.notNull("task", task);
    }

    public static TaskUpdate changed(Task task) {
        return new TaskUpdate(task, true);
    }

    public static TaskUpdate unchanged(Task task) {
        return new TaskUpdate(task, false);
    }
}
