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
import java.util.LinkedHashMap;
import java.util.Map;
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
     * Calls {@code consumer} with the status changes of the session's tasks from now on, on Hazelcast's
     * event thread (keep it short). Close the returned subscription to stop. Delivery is at most once
     * per change and in order per task; a change can be missed when a member dies at the moment it is
     * made (map listeners are not replicated), so read the task for its authoritative state.
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

    /**
     * Passes each change on once. Map listeners may repeat an event when a partition's owner dies
     * mid-operation and the operation is retried on the new owner; the change's sequence in the task's
     * history tells a repeat from a new change.
     */
    private static final class Forwarder implements EntryAddedListener<String, Task>, EntryUpdatedListener<String, Task> {

        private static final int REMEMBERED_TASKS = 100_000;

        private final Consumer<TaskEvent> consumer;
        private final Map<String, Long> lastSequence = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > REMEMBERED_TASKS;
            }
        };

        Forwarder(Consumer<TaskEvent> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void entryAdded(EntryEvent<String, Task> event) {
            forward(TaskEvent.latest(event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, Task> event) {
            forward(TaskEvent.latest(event.getValue()));
        }

        private void forward(TaskEvent event) {
            synchronized (lastSequence) {
                Long seen = lastSequence.get(event.taskId());
                if (seen != null && seen >= event.sequence()) {
                    return;
                }
                lastSequence.put(event.taskId(), event.sequence());
            }
            consumer.accept(event);
        }
    }
}
