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
import io.weft.node.sessions.SessionCounts;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The due-time stage of the scheduler job. SCHEDULED tasks wait in a heap ordered by due time, so
 * each tick looks only at the head: the cost of a tick does not grow with the number of pending tasks.
 * When one falls due it is promoted to QUEUED in the grid, whose change ({@link DueTaskChanges}) then
 * hands it to its owner's dispatcher. A QUEUED task that reaches this stage passes straight through.
 *
 * <p>The job (re)starts when members come and go, and the partitions that moved to this member had
 * their tasks' signals told on the member they left; so on its first call this stage loads what the
 * partitions its member owns hold: SCHEDULED tasks into the heap, QUEUED
 * ones out to dispatch. A task seen twice is harmless: dispatch and promotion are both idempotent.
 */
final class DueTimeProcessor extends AbstractProcessor {

    private static final Comparator<DueTask> BY_DUE_TIME = Comparator.comparingLong(DueTask::dueAtMillis);
    private static final int LOAD_BATCH = 1_000;

    private final PriorityQueue<DueTask> pending = new PriorityQueue<>(BY_DUE_TIME);
    private final ArrayDeque<DueTask> toEmit = new ArrayDeque<>();
    private IMap<String, Task> tasks;
    private Clock clock;
    private SessionCounts counts;
    private boolean loaded;

    @Override
    protected void init(Context context) {
        tasks = context.hazelcastInstance().getMap(GridNames.TASKS);
        clock = WeftNode.of(context.hazelcastInstance()).clock();
        counts = WeftNode.of(context.hazelcastInstance()).sessionCounts();
    }

    @Override
    public boolean isCooperative() {
        // Blocks once to load the partitions' tasks, and promotes with grid calls.
        return false;
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        loadOnce();
        DueTask task = (DueTask) item;
        if (task.status() == TaskStatus.QUEUED) {
            if (!toEmit.isEmpty()) {
                toEmit.add(task);
                return true;
            }
            return tryEmit(task);
        }
        pending.add(task);
        return true;
    }

    @Override
    public boolean tryProcess() {
        loadOnce();
        while (!toEmit.isEmpty() && tryEmit(toEmit.peek())) {
            toEmit.poll();
        }
        long now = clock.millis();
        while (!pending.isEmpty() && pending.peek().dueAtMillis() <= now) {
            DueTask due = pending.poll();
            counts.recordWhenDone(tasks.submitToKey(due.id(), new PromoteDueTask(due.attempt(), now)));
        }
        return true;
    }

    private void loadOnce() {
        if (loaded) {
            return;
        }
        loaded = true;
        Set<String> ids = tasks.localKeySet(Predicates.in("status", TaskStatus.SCHEDULED.name(), TaskStatus.QUEUED.name()));
        List<String> batch = new ArrayList<>(LOAD_BATCH);
        for (String id : ids) {
            batch.add(id);
            if (batch.size() == LOAD_BATCH) {
                loadBatch(batch);
            }
        }
        loadBatch(batch);
        getLogger().info("due-time stage loaded " + pending.size() + " scheduled and " + toEmit.size() + " queued tasks");
    }

    private void loadBatch(List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Task task : tasks.getAll(Set.copyOf(batch)).values()) {
            if (task.status() == TaskStatus.SCHEDULED) {
                pending.add(DueTask.of(task));
            } else if (task.status() == TaskStatus.QUEUED) {
                toEmit.add(DueTask.of(task));
            }
        }
        batch.clear();
    }
}
