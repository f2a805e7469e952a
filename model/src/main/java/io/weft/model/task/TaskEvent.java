package io.weft.model.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
        return of(task, task.history().size() - 1);
    }

    /** The event of the change at position {@code sequence} of {@code task}'s history. */
    public static TaskEvent of(Task task, int sequence) {
        List<StatusChange> history = task.history();
        StatusChange change = history.get(sequence);
        TaskStatus previous = sequence == 0 ? null : history.get(sequence - 1).status();
        return new TaskEvent(sequence, change.at(), task.sessionId(), task.id(), previous, change.status(), change.attempt());
    }

    /**
     * The changes one write made, oldest first: those of {@code after}'s history past {@code before}'s
     * (one write may record several, e.g. an attempt's start and its outcome); only the latest when
     * {@code before} is unknown.
     */
    public static List<TaskEvent> between(Task before, Task after) {
        int last = after.history().size() - 1;
        int first = before == null ? last : Math.min(before.history().size(), last);
        List<TaskEvent> events = new ArrayList<>(last - first + 1);
        for (int i = first; i <= last; i++) {
            events.add(of(after, i));
        }
        return events;
    }
}
