package io.weft.model.task;

import java.util.Arrays;
import java.util.List;

/** Where a task is in its life. The allowed moves between them are in {@link TaskTransitions}. */
public enum TaskStatus {
    /** Its {@code dependsOn} results are not all COMPLETED yet. */
    WAITING,
    /** Due later: a delay, a run-at time, or a retry's backoff. */
    SCHEDULED,
    /** Due, waiting for a worker slot. */
    QUEUED,
    /** An attempt runs on a worker. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** The statuses a task has not finished in, in their order above. */
    public static final List<TaskStatus> UNFINISHED = Arrays.stream(values()).filter(s -> !s.isTerminal()).toList();

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The names of {@link #UNFINISHED}, as the grid's queries take them. */
    public static String[] unfinishedNames() {
        return UNFINISHED.stream().map(TaskStatus::name).toArray(String[]::new);
    }
}
