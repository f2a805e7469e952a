package io.weft.model.result;

/**
 * A data object's life: written while CREATED, then COMPLETED with its bytes, or ABORTED. A COMPLETED
 * one whose bytes were lost with a partition (more members died at once than it had backups) becomes
 * LOST: it is never read again, its download answers 410 before a byte, and a task that reads it fails
 * with a dependency error.
 */
public enum ResultStatus {
    CREATED,
    COMPLETED,
    ABORTED,
    LOST
}
