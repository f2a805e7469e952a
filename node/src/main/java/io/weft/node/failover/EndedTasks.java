package io.weft.node.failover;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.Collection;
import java.util.List;

/**
 * The tasks of this member's partitions that ended in a window of time: what the audits after a
 * member's departure read to redo what the dead member left undone. The (status, statusTime) index
 * answers it with the matches only.
 */
public final class EndedTasks {

    private final IMap<String, Task> tasks;

    public EndedTasks(IMap<String, Task> tasks) {
        this.tasks = tasks;
    }

    /**
     * This member's tasks of {@code status} whose last change lies in [{@code fromMillis},
     * {@code toMillis}] and that match {@code also} ({@code null}: all).
     */
    public Collection<Task> local(TaskStatus status, long fromMillis, long toMillis, Predicate<String, Task> also) {
        Predicate<String, Task> ended = Predicates.and(Predicates.equal("status", status.name()),
                Predicates.between("statusTime", fromMillis, toMillis));
        var ids = tasks.localKeySet(also == null ? ended : Predicates.and(ended, also));
        return ids.isEmpty() ? List.of() : tasks.getAll(ids).values();
    }
}
