package io.weft.node.dependencies;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.failover.Audit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The safety net under {@link SettledResultListener}. A settlement's event is lost if the member that
 * owns the result dies before handling it, and a task whose input expires or is deleted before it was
 * produced gets no event at all. So each node looks now and then at the WAITING tasks its partitions
 * hold that have not moved for a while, and applies what their inputs' current state says.
 */
public final class WaitingTaskAudit extends Audit {

    private static final int BATCH = 1_000;

    private final IMap<String, Task> tasks;
    private final TaskGraph graph;
    private final Clock clock;
    private final Duration quietFor;

    public WaitingTaskAudit(HazelcastInstance hazelcast, TaskGraph graph, Clock clock, Duration quietFor) {
        super(hazelcast, "waiting audit");
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.graph = graph;
        this.clock = clock;
        this.quietFor = quietFor;
    }

    @Override
    public int audit() {
        long before = clock.millis() - quietFor.toMillis();
        Set<String> quiet = tasks.localKeySet(Predicates.and(Predicates.equal("status", TaskStatus.WAITING.name()),
                Predicates.lessThan("statusTime", before)));
        int count = 0;
        List<String> batch = new ArrayList<>(BATCH);
        for (String id : quiet) {
            batch.add(id);
            if (batch.size() == BATCH) {
                count += auditBatch(batch);
            }
        }
        return count + auditBatch(batch);
    }

    private int auditBatch(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Task> waiting = tasks.getAll(Set.copyOf(ids)).values().stream()
                .filter(t -> t.status() == TaskStatus.WAITING).toList();
        ids.clear();
        List<Task> changed = graph.recheck(waiting);
        return (int) changed.stream().map(Task::id).distinct().count();
    }
}
