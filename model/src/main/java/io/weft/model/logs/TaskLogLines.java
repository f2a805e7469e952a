package io.weft.model.logs;

import io.weft.model.Checks;
import java.util.List;

/** Lines just stored in a task's log, as the session's event stream carries them. */
public record TaskLogLines(String sessionId, String taskId, List<LogLine> lines) {

    public TaskLogLines {
        Checks.id("sessionId", sessionId);
        Checks.id("taskId", taskId);
        lines = List.copyOf(lines);
    }
}
