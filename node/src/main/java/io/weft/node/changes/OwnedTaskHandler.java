package io.weft.node.changes;

import com.hazelcast.core.EntryEvent;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.Set;

/** What this member does when a change leaves one of the tasks it owns in one of {@link #statuses()}. */
public interface OwnedTaskHandler {

    /** The statuses this handler is told of; never empty. */
    Set<TaskStatus> statuses();

    /**
     * A change left a task of this member in one of {@link #statuses()}. Runs on Hazelcast's event
     * thread: keep it short. The event's values are deserialised when asked for, so a handler that does
     * not need the old value does not pay for it.
     */
    void changed(EntryEvent<String, Task> change);
}
