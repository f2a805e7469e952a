package io.weft.node.execution;

import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;

/**
 * The little a scheduler needs to know of a task to queue it: far smaller than the task, so that
 * many can wait in memory. The worker reads the whole task when it claims it. The session is here so
 * that a paused session's tasks are held back without reading them.
 *
 * @param affinity the task's largest input, whose owner should run it; or {@code null}
 */
public record DueTask(String id, String type, int priority, int attempt, long dueAtMillis, TaskStatus status,
                      String sessionId, String affinity) {

    public static DueTask of(Task task) {
        return new DueTask(task.id(), task.type(), task.priority(), task.attempt(), task.dueAt().toEpochMilli(), task.status(),
                task.sessionId(), task.inputs().largest());
    }
}
