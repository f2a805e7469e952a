package io.weft.model.task;

/** Why an attempt or a task failed. Handler exceptions are {@link #HANDLER_ERROR}. */
public enum ErrorType {
    HANDLER_ERROR,
    TIMEOUT,
    DEPENDENCY_FAILED,
    MISSING_OUTPUT,
    UNKNOWN_TYPE,
    CANCELLED
}
