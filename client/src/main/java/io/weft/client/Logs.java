package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import io.weft.model.Checks;
import io.weft.model.grid.GridNames;
import io.weft.model.logs.TaskLog;
import io.weft.model.logs.TaskLogLines;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The log lines handlers write through their {@code TaskContext}, kept with each task (the latest
 * {@code WEFT_TASK_LOG_LINES} of them) and streamed as they are stored.
 */
public final class Logs {

    private final IMap<String, TaskLog> logs;
    private final ITopic<TaskLogLines> lines;
    /** One topic listener for the whole client, handing each batch to the subscribers of its session. */
    private final Map<String, Set<Consumer<TaskLogLines>>> bySession = new ConcurrentHashMap<>();
    private UUID listener;

    Logs(HazelcastInstance hazelcast) {
        this.logs = hazelcast.getMap(GridNames.TASK_LOGS);
        this.lines = hazelcast.getTopic(GridNames.TASK_LOG_LINES);
    }

    /** The task's kept lines, oldest first; empty if it wrote none. Lines are stored within about 100 ms. */
    public Optional<TaskLog> of(String taskId) {
        Checks.id("taskId", taskId);
        return Optional.ofNullable(logs.get(taskId));
    }

    /**
     * Calls {@code consumer} with the log lines of the session's tasks as they are stored, on
     * Hazelcast's event thread (keep it short). At most once: lines stored while nobody listened are
     * read with {@link #of}. Every client receives every session's lines and passes on those asked for.
     */
    public Events.Subscription subscribe(String sessionId, Consumer<TaskLogLines> consumer) {
        Checks.id("sessionId", sessionId);
        Checks.notNull("consumer", consumer);
        synchronized (this) {
            if (listener == null) {
                listener = lines.addMessageListener(message -> {
                    Set<Consumer<TaskLogLines>> subscribers = bySession.get(message.getMessageObject().sessionId());
                    if (subscribers != null) {
                        subscribers.forEach(s -> s.accept(message.getMessageObject()));
                    }
                });
            }
        }
        bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(consumer);
        return () -> bySession.computeIfPresent(sessionId, (id, subscribers) -> {
            subscribers.remove(consumer);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    synchronized void close() {
        bySession.clear();
        if (listener != null) {
            lines.removeMessageListener(listener);
            listener = null;
        }
    }
}
