package io.weft.client;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.Checks;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskEvent;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The task events of a session: one per status change, in order for each task. */
public final class Events {

    private final IMap<String, Task> tasks;
    private final Set<UUID> listeners = ConcurrentHashMap.newKeySet();

    Events(HazelcastInstance hazelcast) {
        this.tasks = hazelcast.getMap(GridNames.TASKS);
    }

    /**
     * Calls {@code consumer} with every status change of the session's tasks from now on, on
     * Hazelcast's event thread (keep it short). Close the returned subscription to stop.
     */
    public Subscription subscribe(String sessionId, Consumer<TaskEvent> consumer) {
        Checks.id("sessionId", sessionId);
        Checks.notNull("consumer", consumer);
        UUID id = tasks.addEntryListener(new Forwarder(consumer), Predicates.equal("sessionId", sessionId), true);
        listeners.add(id);
        return () -> {
            if (listeners.remove(id)) {
                tasks.removeEntryListener(id);
            }
        };
    }

    void close() {
        listeners.forEach(tasks::removeEntryListener);
        listeners.clear();
    }

    /** A live subscription to events. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Forwarder(Consumer<TaskEvent> consumer)
            implements EntryAddedListener<String, Task>, EntryUpdatedListener<String, Task> {

        @Override
        public void entryAdded(EntryEvent<String, Task> event) {
            consumer.accept(TaskEvent.latest(event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, Task> event) {
            consumer.accept(TaskEvent.latest(event.getValue()));
        }
    }
}
