package io.weft.client.internal;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Completes the futures of {@code await} from the tasks' own change events: one listener per session
 * with awaited tasks, filtered in the grid to terminal changes of that session, so a client is told
 * only of what it waits for.
 */
public final class CompletionWatcher {

    private final IMap<String, Task> tasks;
    private final Map<String, UUID> listenerBySession = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Task>> pending = new ConcurrentHashMap<>();

    private final ExecutorService rechecks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-await-recheck");
        thread.setDaemon(true);
        return thread;
    });
    private final HazelcastInstance hazelcast;
    private final UUID membershipListener;

    public CompletionWatcher(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        // A map event can be lost with a member that dies as it makes the change: when one leaves,
        // read the awaited tasks once, so no await hangs on a task that finished.
        this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberRemoved(MembershipEvent event) {
                rechecks.execute(CompletionWatcher.this::recheckPending);
            }
        });
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
        hazelcast.getCluster().removeMembershipListener(membershipListener);
        rechecks.shutdownNow();
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

    private void recheckPending() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            tasks.getAll(Set.copyOf(pending.keySet())).values().stream()
                    .filter(task -> task.status().isTerminal())
                    .forEach(this::complete);
        } catch (RuntimeException e) {
            // The cluster is changing; the next membership change or event tries again.
        }
    }

    private void complete(Task task) {
        CompletableFuture<Task> future = pending.remove(task.id());
        if (future != null) {
            future.complete(task);
        }
    }
}
