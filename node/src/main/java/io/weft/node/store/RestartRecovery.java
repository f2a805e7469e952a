package io.weft.node.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.failover.StrandedTaskSweeper;
import io.weft.node.sessions.CountRepair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts right what a restart of the whole cluster left, once a node has loaded the store and started
 * its duties. The store keeps the tasks; what lived only in members is gone: the attempts they ran
 * (RUNNING on a member that no longer exists), their lanes (QUEUED tasks nobody holds), who waits for
 * which input. The sessions' counts are written before any of this ({@link CountRepair#countAllIfOldest}).
 * SCHEDULED tasks need nothing: the scheduler job's due-time stage reads its partitions' delayed tasks
 * when it starts.
 */
public final class RestartRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RestartRecovery.class);
    private static final int BATCH = 1_000;

    private final HazelcastInstance hazelcast;
    private final StrandedTaskSweeper sweeper;
    private final TaskGraph graph;

    public RestartRecovery(HazelcastInstance hazelcast, StrandedTaskSweeper sweeper, TaskGraph graph) {
        this.hazelcast = hazelcast;
        this.sweeper = sweeper;
        this.graph = graph;
    }

    /** Runs once on each node that started on stored data; each puts right its own partitions. */
    public void run() {
        int moved = sweeper.sweepEverything();
        IMap<String, Task> tasks = hazelcast.getMap(GridNames.TASKS);
        Set<String> waiting = tasks.localKeySet(Predicates.equal("status", TaskStatus.WAITING.name()));
        int woken = rewire(tasks, waiting);
        LOG.info("after the restart: {} tasks queued again or moved on, {} waiting tasks registered under their inputs"
                + " ({} woken)", moved, waiting.size(), woken);
    }

    private int rewire(IMap<String, Task> tasks, Set<String> waiting) {
        int woken = 0;
        List<String> batch = new ArrayList<>(BATCH);
        for (String id : waiting) {
            batch.add(id);
            if (batch.size() == BATCH) {
                woken += rewireBatch(tasks, batch);
            }
        }
        return woken + rewireBatch(tasks, batch);
    }

    private int rewireBatch(IMap<String, Task> tasks, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Task> waiting = tasks.getAll(new HashSet<>(ids)).values().stream()
                .filter(t -> t.status() == TaskStatus.WAITING).toList();
        ids.clear();
        return graph.rewire(waiting).size();
    }
}
