package io.weft.client;

import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.List;

/** Reads a task's history the way the assertions of these tests need it. */
final class TaskHistory {

    private TaskHistory() {
    }

    /** Every entry of the task's history with this status, oldest first. */
    static List<StatusChange> entries(Task task, TaskStatus status) {
        return task.history().stream().filter(change -> change.status() == status).toList();
    }

    static boolean everRan(Task task) {
        return !entries(task, TaskStatus.RUNNING).isEmpty();
    }

    /** When the task's first attempt started running; fails the test if it never ran. */
    static Instant firstRunningAt(Task task) {
        List<StatusChange> running = entries(task, TaskStatus.RUNNING);
        if (running.isEmpty()) {
            throw new AssertionError("task " + task.id() + " never ran: " + task.history());
        }
        return running.get(0).at();
    }
}
