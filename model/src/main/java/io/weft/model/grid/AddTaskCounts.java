package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.session.TaskCounts;
import java.util.Map;

/**
 * Adds a change to a session's task counts in {@link GridNames#SESSION_COUNTS}. Only to an entry that
 * exists: a session's entry is made with the session and removed by its purge, so a change flushed
 * late, after the purge, changes nothing.
 */
public record AddTaskCounts(TaskCounts change) implements EntryProcessor<String, TaskCounts, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, TaskCounts> entry) {
        TaskCounts current = entry.getValue();
        if (current == null) {
            return false;
        }
        entry.setValue(current.plus(change));
        return true;
    }
}
