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
import io.weft.model.task.TaskTransitions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        Set<TaskStatus> written = writtenWith(statuses);
        if (written.size() < TaskStatus.values().length) {
            filter = Predicates.and(filter, Predicates.in("status", written.stream().map(Enum::name).toArray(String[]::new)));
        }
        Forwarder forwarder = new Forwarder(consumer, statuses);
        // A subscriber of no status a task is inserted in hears updates only: the grid then evaluates
        // its filter on no insert, rather than on every insert of every task to find none.
        UUID id = Collections.disjoint(written, TaskTransitions.initialStatuses())
                ? tasks.addEntryListener((EntryUpdatedListener<String, Task>) forwarder::entryUpdated, filter, true)
                : tasks.addEntryListener(forwarder, filter, true);
        listeners.add(id);
        return () -> {
            if (listeners.remove(id)) {
                tasks.removeEntryListener(id);
            }
        };
    }

    /**
     * The statuses a write that records one of {@code statuses} may leave a task in. The grid filters
     * on the status a write leaves, and a short attempt's start is written with its outcome.
     */
    private static Set<TaskStatus> writtenWith(Set<TaskStatus> statuses) {
        EnumSet<TaskStatus> written = EnumSet.copyOf(statuses);
        if (statuses.contains(TaskStatus.RUNNING)) {
            written.addAll(TaskTransitions.outcomesOfAnAttempt());
        }
        return written;
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
     * history tells a repeat from a new change. One write may record several changes (a short
     * attempt's start and outcome): each is passed on, in order, if its status was asked for.
     */
    private static final class Forwarder implements EntryAddedListener<String, Task>, EntryUpdatedListener<String, Task> {

        private static final int REMEMBERED_TASKS = 100_000;

        private final Consumer<TaskEvent> consumer;
        private final Set<TaskStatus> statuses;
        // A task's end is always the last change of its history, so a subscriber of ends alone needs
        // only the task after the write, not the one before it (read from the event, it is a second
        // deserialisation of the task for every event).
        private final boolean endsOnly;
        private final Map<String, Long> lastSequence = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > REMEMBERED_TASKS;
            }
        };

        Forwarder(Consumer<TaskEvent> consumer, Set<TaskStatus> statuses) {
            this.consumer = consumer;
            this.statuses = EnumSet.copyOf(statuses);
            this.endsOnly = statuses.stream().allMatch(TaskStatus::isTerminal);
        }

        @Override
        public void entryAdded(EntryEvent<String, Task> event) {
            forward(TaskEvent.between(null, event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, Task> event) {
            forward(endsOnly ? List.of(TaskEvent.latest(event.getValue()))
                    : TaskEvent.between(event.getOldValue(), event.getValue()));
        }

        private void forward(List<TaskEvent> changes) {
            for (TaskEvent event : changes) {
                if (statuses.contains(event.to()) && firstTime(event)) {
                    consumer.accept(event);
                }
            }
        }

        private boolean firstTime(TaskEvent event) {
            synchronized (lastSequence) {
                Long seen = lastSequence.get(event.taskId());
                if (seen != null && seen >= event.sequence()) {
                    return false;
                }
                lastSequence.put(event.taskId(), event.sequence());
                return true;
            }
        }
    }
}
