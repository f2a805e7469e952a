package io.weft.model.logs;

import io.weft.model.Checks;
import java.time.Instant;

/**
 * One line a handler wrote through its task context.
 *
 * @param sequence the line's place in its task's log, from 0; assigned when the line is stored
 * @param attempt  the attempt that wrote it
 */
public record LogLine(long sequence, Instant at, int attempt, String text) {

    /** Longer lines are cut here, so that one line cannot fill a task's log. */
    public static final int MAX_CHARS = 8_192;

    public LogLine {
        Checks.notNull("at", at);
        Checks.atLeast("attempt", attempt, 1);
        text = text == null ? "" : text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
    }

    /** A line not stored yet: its sequence is given by {@link TaskLog#append}. */
    public static LogLine unstored(Instant at, int attempt, String text) {
        return new LogLine(-1, at, attempt, text);
    }

    LogLine numbered(long newSequence) {
        return new LogLine(newSequence, at, attempt, text);
    }
}
