package io.weft.node.hooks;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link HookTriggers} about every task that ends. A local listener, filtered in the grid to the
 * terminal statuses: each change is seen once, by the member that owns the task, as in
 * {@code SettledResultListener}. The work runs on the hook executor, never on the event thread.
 */
final class EndedTaskListener implements EntryAddedListener<String, Task>, EntryUpdatedListener<String, Task> {

    private static final Logger LOG = LoggerFactory.getLogger(EndedTaskListener.class);

    private final HookTriggers triggers;
    private final Executor executor;

    private EndedTaskListener(HookTriggers triggers, Executor executor) {
        this.triggers = triggers;
        this.executor = executor;
    }

    static UUID listen(HazelcastInstance hazelcast, HookTriggers triggers, Executor executor) {
        IMap<String, Task> tasks = hazelcast.getMap(GridNames.TASKS);
        return tasks.addLocalEntryListener(new EndedTaskListener(triggers, executor), Predicates.in("status",
                TaskStatus.SUCCEEDED.name(), TaskStatus.FAILED.name(), TaskStatus.CANCELLED.name()), true);
    }

    @Override
    public void entryAdded(EntryEvent<String, Task> event) {
        handle(event.getValue(), null);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Task> event) {
        handle(event.getValue(), event.getOldValue());
    }

    private void handle(Task ended, Task before) {
        if (ended == null || (before != null && before.status() == ended.status()) || !triggers.interestedIn(ended.status())) {
            return;
        }
        executor.execute(() -> {
            try {
                triggers.taskEnded(ended);
            } catch (RuntimeException e) {
                LOG.warn("could not make the hook deliveries of task {} ({})", ended.id(), ended.status(), e);
            }
        });
    }
}
