package io.weft.bench.micro;

import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.List;

/**
 * A task without its spec: the part of {@link Task} that changes after submission, plus the fields the
 * tasks map's indexes and queries read ({@code sessionId}, {@code type}). It exists only to measure
 * how much a write would save if the spec (input, options, labels, dependencies) were kept apart from
 * the task's state, the "smaller task record" lever of docs/benchmarks.md; Weft does not store it.
 */
record TaskState(String id, String sessionId, String type, TaskStatus status, int attempt, int failures, String worker,
                 Instant dueAt, String output, TaskError error, List<StatusChange> history) {

    static TaskState of(Task task) {
        return new TaskState(task.id(), task.sessionId(), task.type(), task.status(), task.attempt(), task.failures(),
                task.worker(), task.dueAt(), task.output(), task.error(), task.history());
    }
}
