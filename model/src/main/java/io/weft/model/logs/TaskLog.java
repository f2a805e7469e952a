package io.weft.model.logs;

import io.weft.model.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The log lines of one task ({@code weft.task-logs}, keyed by task id), kept apart from the task
 * record, which every status change rewrites. Bounded: past the limit the oldest lines go, and
 * {@code dropped} says how many, so line {@code i} of {@code lines} has sequence {@code dropped + i}.
 */
public record TaskLog(String taskId, String sessionId, List<LogLine> lines, long dropped) {

    public static final int DEFAULT_LIMIT = 1_000;

    public TaskLog {
        Checks.id("taskId", taskId);
        Checks.id("sessionId", sessionId);
        lines = List.copyOf(lines);
        Checks.atLeast("dropped", dropped, 0);
    }

    public static TaskLog empty(String taskId, String sessionId) {
        return new TaskLog(taskId, sessionId, List.of(), 0);
    }

    /** The sequence the next line gets. */
    public long next() {
        return dropped + lines.size();
    }

    /** Adds {@code more} with the next sequences, keeping at most {@code limit} lines. */
    public TaskLog append(List<LogLine> more, int limit) {
        Checks.range("limit", limit, 1, Integer.MAX_VALUE);
        List<LogLine> all = new ArrayList<>(lines.size() + more.size());
        all.addAll(lines);
        long sequence = next();
        for (LogLine line : more) {
            all.add(line.numbered(sequence++));
        }
        int excess = Math.max(0, all.size() - limit);
        return new TaskLog(taskId, sessionId, all.subList(excess, all.size()), dropped + excess);
    }

    /** The lines from {@code sequence} on that are still kept. */
    public List<LogLine> since(long sequence) {
        int from = (int) Math.max(0, Math.min(lines.size(), sequence - dropped));
        return lines.subList(from, lines.size());
    }
}
