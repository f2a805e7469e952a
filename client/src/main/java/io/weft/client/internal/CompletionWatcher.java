package io.weft.client.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completes the futures of {@code await} from the tasks' own change events: one listener per session
 * with awaited tasks, filtered in the grid to terminal changes of that session, so a client is told
 * only of what it waits for.
 */
public final class CompletionWatcher {

    private final IMap<String, Task> tasks;
    private final Map<String, UUID> listenerBySession = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Task>> pending = new ConcurrentHashMap<>();

    public CompletionWatcher(IMap<String, Task> tasks) {
        this.tasks = tasks;
    }

    public CompletableFuture<Task> await(Task current) {
        if (current.status().isTerminal()) {
            return CompletableFuture.completedFuture(current);
        }
        listenerBySession.computeIfAbsent(current.sessionId(), this::listen);
        CompletableFuture<Task> future = pending.computeIfAbsent(current.id(), id -> new CompletableFuture<>());
        // The task may have finished before the listener was in place: look once more.
        Task now = tasks.get(current.id());
        if (now != null && now.status().isTerminal()) {
            complete(now);
        }
        return future;
    }

    public void close() {
        listenerBySession.values().forEach(tasks::removeEntryListener);
        listenerBySession.clear();
        pending.values().forEach(f -> f.cancel(false));
    }

    private UUID listen(String sessionId) {
        EntryUpdatedListener<String, Task> onTerminal = (EntryEvent<String, Task> event) -> complete(event.getValue());
        return tasks.addEntryListener(onTerminal, Predicates.and(Predicates.equal("sessionId", sessionId),
                Predicates.in("status", TaskStatus.SUCCEEDED.name(), TaskStatus.FAILED.name(),
                        TaskStatus.CANCELLED.name())), true);
    }

    private void complete(Task task) {
        CompletableFuture<Task> future = pending.remove(task.id());
        if (future != null) {
            future.complete(task);
        }
    }
}
