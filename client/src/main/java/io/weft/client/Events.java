package io.weft.client;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskEvent;
import io.weft.model.task.TaskStatus;
import java.util.EnumSet;
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
     * per change and in order per task. Map events are published by the partition's owner before its
     * backup is written, so when a member dies at that moment a change can be missed, or told and then
     * undone (the task's attempt on that member is run again). Read the task for its durable state.
     */
    public Subscription subscribe(String sessionId, Consumer<TaskEvent> consumer) {
        return subscribe(sessionId, EnumSet.allOf(TaskStatus.class), consumer);
    }

    /**
     * Like {@link #subscribe(String, Consumer)}, but only for changes into one of {@code statuses};
     * the filter runs in the grid, so other changes never reach this client.
     */
    public Subscription subscribe(String sessionId, Set<TaskStatus> statuses, Consumer<TaskEvent> consumer) {
        Checks.id("sessionId", sessionId);
        Checks.notNull("consumer", consumer);
        if (Checks.notNull("statuses", statuses).isEmpty()) {
            throw new InvalidValueException("statuses", "must name at least one status");
        }
        Predicate<String, Task> filter = Predicates.equal("sessionId", sessionId);
        if (statuses.size() < TaskStatus.values().length) {
            filter = Predicates.and(filter, Predicates.in("status", statuses.stream().map(Enum::name).toArray(String[]::new)));
        }
        UUID id = tasks.addEntryListener(new Forwarder(consumer), filter, true);
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
