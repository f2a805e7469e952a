package io.weft.node.scheduling;

import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.PromoteDueTask;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.execution.DueTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The due-time stage of the scheduler job. QUEUED tasks pass straight through. SCHEDULED tasks wait
 * in a heap ordered by due time, so each tick looks only at the head: the cost of a tick does not
 * grow with the number of pending tasks. When one falls due it is promoted to QUEUED in the grid,
 * whose journal event then brings it back through here to be dispatched.
 *
 * <p>On (re)start it loads the SCHEDULED tasks of the partitions this member owns, once.
 */
final class DueTimeProcessor extends AbstractProcessor {

    private static final Comparator<DueTask> BY_DUE_TIME = Comparator.comparingLong(DueTask::dueAtMillis);
    private static final int LOAD_BATCH = 1_000;

    private final PriorityQueue<DueTask> pending = new PriorityQueue<>(BY_DUE_TIME);
    private IMap<String, Task> tasks;
    private Clock clock;

    @Override
    protected void init(Context context) {
        tasks = context.hazelcastInstance().getMap(GridNames.TASKS);
        clock = WeftNode.of(context.hazelcastInstance()).clock();
        loadLocalScheduled();
    }

    @Override
    public boolean isCooperative() {
        // Blocks in init() to load the pending tasks, and promotes with grid calls.
        return false;
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        DueTask task = (DueTask) item;
        if (task.status() == TaskStatus.QUEUED) {
            return tryEmit(task);
        }
        pending.add(task);
        return true;
    }

    @Override
    public boolean tryProcess() {
        long now = clock.millis();
        while (!pending.isEmpty() && pending.peek().dueAtMillis() <= now) {
            DueTask due = pending.poll();
            tasks.submitToKey(due.id(), new PromoteDueTask(due.attempt(), now));
        }
        return true;
    }

    private void loadLocalScheduled() {
        Set<String> ids = tasks.localKeySet(Predicates.equal("status", TaskStatus.SCHEDULED.name()));
        List<String> batch = new ArrayList<>(LOAD_BATCH);
        for (String id : ids) {
            batch.add(id);
            if (batch.size() == LOAD_BATCH) {
                loadBatch(batch);
            }
        }
        loadBatch(batch);
        getLogger().info("due-time stage loaded " + pending.size() + " scheduled tasks");
    }

    private void loadBatch(List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        tasks.getAll(Set.copyOf(batch)).values().stream()
                .filter(t -> t.status() == TaskStatus.SCHEDULED)
                .map(DueTask::of)
                .forEach(pending::add);
        batch.clear();
    }
}
