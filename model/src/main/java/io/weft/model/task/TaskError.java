package io.weft.model.task;

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

    public static TaskError fromException(Throwable t) {
        return new TaskError(ErrorType.HANDLER_ERROR, t.getClass().getName(), String.valueOf(t.getMessage()));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
