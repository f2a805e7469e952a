package io.weft.model.task;

import io.weft.model.cluster.DataLostException;
import io.weft.model.Checks;

/**
 * What went wrong with an attempt: its kind, the exception class a handler threw (if any) and the
 * message, cut to a bounded length so that a huge message cannot bloat the grid.
 */
public record TaskError(ErrorType type, String exception, String message) {

    public static final int MAX_MESSAGE_CHARS = 4096;

    public TaskError {
        Checks.notNull("error.type", type);
        message = message == null ? "" : truncate(message);
    }

    public static TaskError of(ErrorType type, String message) {
        return new TaskError(type, null, message);
    }

    /** A handler's exception; one caused by an input lost with its partition is a dependency error. */
    public static TaskError fromException(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataLostException) {
                return new TaskError(ErrorType.DEPENDENCY_FAILED, cause.getClass().getName(), String.valueOf(cause.getMessage()));
            }
        }
        return new TaskError(ErrorType.HANDLER_ERROR, t.getClass().getName(), String.valueOf(t.getMessage()));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
