package io.weft.node.hooks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.failover.Audit;
import io.weft.node.failover.EndedTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The safety net under {@link EndedTaskListener}: a task's end is told on the member that owns it, and
 * a member that dies before its hook threads made the deliveries takes the event with it. After a
 * member leaves, each node reads the tasks of its partitions that ended lately (the dead member's
 * partitions are among them now) and makes the deliveries that do not exist; their ids derive from
 * the hook and the event, so nothing is told twice.
 */
final class HookAudit extends Audit {

    private static final List<TaskStatus> ENDED = List.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELLED);

    private final HookDirectory directory;
    private final HookTriggers triggers;
    private final EndedTasks endedTasks;
    private final Clock clock;
    private final Duration quietFor;
    private final Duration lookBack;

    HookAudit(HazelcastInstance hazelcast, HookDirectory directory, HookTriggers triggers, Clock clock, Duration quietFor,
              Duration lookBack) {
        super(hazelcast, "hook audit");
        IMap<String, Task> tasks = hazelcast.getMap(GridNames.TASKS);
        this.directory = directory;
        this.triggers = triggers;
        this.endedTasks = new EndedTasks(tasks);
        this.clock = clock;
        this.quietFor = quietFor;
        this.lookBack = lookBack;
    }

    @Override
    public int audit() {
        if (directory.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        int made = 0;
        Set<String> sessions = new HashSet<>();
        for (TaskStatus status : ENDED) {
            if (!triggers.interestedIn(status)) {
                continue;
            }
            for (Task task : endedTasks.local(status, now - lookBack.toMillis(), now - quietFor.toMillis(), null)) {
                made += triggers.deliverEnd(task);
                sessions.add(task.sessionId());
            }
        }
        sessions.forEach(triggers::sessionMayHaveFinished);
        return made;
    }
}
