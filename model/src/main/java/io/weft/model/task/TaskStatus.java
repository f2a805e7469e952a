package io.weft.model.task;

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

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
