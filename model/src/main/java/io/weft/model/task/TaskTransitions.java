package io.weft.model.task;

import static io.weft.model.task.TaskStatus.CANCELLED;
import static io.weft.model.task.TaskStatus.FAILED;
import static io.weft.model.task.TaskStatus.QUEUED;
import static io.weft.model.task.TaskStatus.RUNNING;
import static io.weft.model.task.TaskStatus.SCHEDULED;
import static io.weft.model.task.TaskStatus.SUCCEEDED;
import static io.weft.model.task.TaskStatus.WAITING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The one table of allowed status changes. Every change of a task is checked against it. */
public final class TaskTransitions {

    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = new EnumMap<>(TaskStatus.class);

    static {
        // WAITING -> FAILED: a producer of one of its inputs failed for good (DEPENDENCY_FAILED).
        ALLOWED.put(WAITING, EnumSet.of(SCHEDULED, QUEUED, FAILED, CANCELLED));
        ALLOWED.put(SCHEDULED, EnumSet.of(QUEUED, CANCELLED));
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
        // RUNNING -> SCHEDULED: a failed attempt with retries left waits out its backoff.
        // RUNNING -> QUEUED: its worker left the cluster; the task is handed to the survivors.
        ALLOWED.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, SCHEDULED, QUEUED));
        ALLOWED.put(SUCCEEDED, EnumSet.noneOf(TaskStatus.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(TaskStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(TaskStatus.class));
    }

    private TaskTransitions() {
    }

    public static boolean isAllowed(TaskStatus from, TaskStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<TaskStatus> allowedFrom(TaskStatus from) {
        return Set.copyOf(ALLOWED.get(from));
    }

    /** The statuses an attempt's recorded outcome leaves a task in: done, failed, or waiting to retry. */
    public static Set<TaskStatus> outcomesOfAnAttempt() {
        return Set.of(SUCCEEDED, FAILED, SCHEDULED);
    }

    /** Every status {@link #initial} can give: the only ones a task is ever inserted in. */
    public static Set<TaskStatus> initialStatuses() {
        return Set.of(WAITING, QUEUED, SCHEDULED);
    }

    /** The status a new task starts in, given whether it waits for inputs and whether it is due. */
    public static TaskStatus initial(boolean hasDependencies, boolean dueNow) {
        if (hasDependencies) {
            return WAITING;
        }
        return dueNow ? QUEUED : SCHEDULED;
    }
}
