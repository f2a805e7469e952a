package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.logs.LogLine;
import io.weft.model.logs.TaskLog;
import io.weft.model.logs.TaskLogLines;
import java.util.List;
import java.util.Map;

/**
 * Appends a batch of a task's log lines, keeping at most {@code limit}. Returns the lines as stored
 * (with their sequences), for the session's event stream.
 */
public record AppendTaskLog(String sessionId, List<LogLine> lines, int limit)
        implements EntryProcessor<String, TaskLog, TaskLogLines> {

    @Override
    public TaskLogLines process(Map.Entry<String, TaskLog> entry) {
        TaskLog current = entry.getValue() == null ? TaskLog.empty(entry.getKey(), sessionId) : entry.getValue();
        TaskLog after = current.append(lines, limit);
        entry.setValue(after);
        long first = current.next();
        return new TaskLogLines(sessionId, entry.getKey(), after.since(first));
    }
}
