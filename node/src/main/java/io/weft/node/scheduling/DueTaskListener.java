package io.weft.node.scheduling;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;

/**
 * Changes of this member's tasks that leave them QUEUED or SCHEDULED, whoever wrote them (the due-time
 * stage promoting, a worker's failed attempt, the reaper requeueing, a client or a node releasing a
 * dependency), told to {@link DueSignals}. A local listener, so each change is told once, on the
 * member that owns the task; filtered in the grid, so the other changes (a claim, an outcome) cost no
 * event; and updates only, since inserts are told by the member that inserted them.
 *
 * <p>This replaced the tasks map's event journal as the scheduler job's source. The journal held every
 * change of every task, and its reader, parked on each partition, was woken by each one to read it,
 * deserialise the task and drop it: 13 % of the partition threads' time or more in the echo
 * benchmark, for changes the job never wanted (docs/benchmarks.md).
 */
public final class DueTaskListener implements EntryUpdatedListener<String, Task> {

    private final DueSignals signals;

    private DueTaskListener(DueSignals signals) {
        this.signals = signals;
    }

    public static void listen(HazelcastInstance member, DueSignals signals) {
        member.<String, Task>getMap(GridNames.TASKS).addLocalEntryListener(new DueTaskListener(signals),
                Predicates.in("status", TaskStatus.QUEUED.name(), TaskStatus.SCHEDULED.name()), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Task> event) {
        signals.tell(event.getValue());
    }
}
