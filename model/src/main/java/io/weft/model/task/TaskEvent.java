package io.weft.model.task;

import java.time.Instant;

/**
 * One status change of one task, as subscribers see it.
 *
 * @param sequence the change's position in the task's history (0 is its creation), so a consumer
 *                 can tell a repeat from a new change
 * @param from     the previous status, {@code null} for a task's creation
 */
public record TaskEvent(long sequence, Instant time, String sessionId, String taskId, TaskStatus from,
                        TaskStatus to, int attempt) {

    /** The event of the last change in {@code task}'s history. */
    public static TaskEvent latest(Task task) {
        int last = task.history().size() - 1;
        StatusChange change = task.history().get(last);
        TaskStatus previous = last == 0 ? null : task.history().get(last - 1).status();
        return new TaskEvent(last, change.at(), task.sessionId(), task.id(), previous, change.status(), change.attempt());
    }
}
