package io.weft.model.session;

import io.weft.model.Checks;
import io.weft.model.task.Task;
import io.weft.model.task.TaskEvent;
import io.weft.model.task.TaskStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How many of a session's tasks are in each status, or a change of those numbers (then a value may be
 * negative). A status is present once some change has touched it, so a count that went back to zero
 * reads 0 rather than disappearing: {@code {QUEUED: 0, RUNNING: 2, SUCCEEDED: 998}}.
 */
public record TaskCounts(Map<TaskStatus, Long> byStatus) {

    public static final TaskCounts NONE = new TaskCounts(Map.of());

    public TaskCounts {
        Checks.notNull("byStatus", byStatus);
        EnumMap<TaskStatus, Long> copy = new EnumMap<>(TaskStatus.class);
        byStatus.forEach((status, count) -> copy.put(Checks.notNull("byStatus key", status),
                Checks.notNull("byStatus[" + status + "]", count)));
        byStatus = Collections.unmodifiableMap(copy);
    }

    /** The change of a session's counts that a task's latest status change makes: -1 before, +1 after. */
    public static TaskCounts changeOf(Task changed) {
        TaskEvent latest = TaskEvent.latest(changed);
        EnumMap<TaskStatus, Long> change = new EnumMap<>(TaskStatus.class);
        change.put(latest.to(), 1L);
        if (latest.from() != null) {
            change.merge(latest.from(), -1L, Long::sum);
        }
        return new TaskCounts(change);
    }

    /** The changes of many tasks' latest status changes, summed per session. */
    public static Map<String, TaskCounts> changesBySession(Collection<Task> changed) {
        Map<String, TaskCounts> bySession = new HashMap<>();
        for (Task task : changed) {
            bySession.merge(task.sessionId(), changeOf(task), TaskCounts::plus);
        }
        return bySession;
    }

    public long get(TaskStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public TaskCounts plus(TaskCounts other) {
        EnumMap<TaskStatus, Long> sum = byStatus.isEmpty() ? new EnumMap<>(TaskStatus.class) : new EnumMap<>(byStatus);
        other.byStatus.forEach((status, count) -> sum.merge(status, count, Long::sum));
        return new TaskCounts(sum);
    }
}
