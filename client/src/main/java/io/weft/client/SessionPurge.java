package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.CancelTask;
import io.weft.model.grid.Dependent;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.ResultChunks;
import io.weft.model.grid.SessionCountWriter;
import io.weft.model.grid.TaskUpdate;
import io.weft.model.hook.HookScope;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The grid work of cancelling and purging a session; the caller holds the session's lock. */
final class SessionPurge {

    /** Chunks removed per round trip while looking for the end of a result's bytes. */
    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final IMap<String, ResultMeta> results;
    private final IMap<String, byte[]> chunks;
    private final MultiMap<String, Dependent> dependents;
    private final Clock clock;

    SessionPurge(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.dependents = hazelcast.getMultiMap(GridNames.DEPENDENTS);
        this.clock = clock;
    }

    /** Cancels every unfinished task of the session in one grid call, interrupts the running ones, and counts the moves. */
    void cancelUnfinished(String sessionId) {
        Map<String, TaskUpdate> updates = tasks.executeOnEntries(new CancelTask(clock.millis()),
                Predicates.and(Predicates.equal("sessionId", sessionId),
                        Predicates.in("status", TaskStatus.unfinishedNames())));
        List<Task> cancelled = updates.values().stream().filter(Objects::nonNull).filter(TaskUpdate::changed)
                .map(TaskUpdate::task).toList();
        cancelled.forEach(task -> Tasks.interruptIfItRan(hazelcast, task));
        new SessionCountWriter(hazelcast).apply(cancelled);
    }

    /**
     * Removes the session's schedules, tasks with their logs, subtask links and input tallies, its
     * results with every chunk of their bytes, and who waited for them; its hooks, and every hook
     * delivery about it, whichever hook made it (a delivery carries the task it tells of).
     */
    void removeData(String sessionId) {
        hazelcast.getMap(GridNames.SCHEDULES).removeAll(Predicates.equal("sessionId", sessionId));
        tasks.removeAll(Predicates.equal("sessionId", sessionId));
        hazelcast.getMap(GridNames.SUBTASKS).removeAll(Predicates.equal("sessionId", sessionId));
        hazelcast.getMap(GridNames.INPUTS).removeAll(Predicates.equal("sessionId", sessionId));
        hazelcast.getMap(GridNames.TASK_LOGS).removeAll(Predicates.equal("sessionId", sessionId));
        for (ResultMeta result : results.values(Predicates.equal("sessionId", sessionId))) {
            results.delete(result.id());
            ResultChunks.remove(chunks, result.id(), result.chunkCount());
            dependents.delete(result.id());
        }
        hazelcast.getMap(GridNames.SESSION_WRITTEN_BYTES).delete(sessionId);
        hazelcast.getMap(GridNames.HOOKS).removeAll(Predicates.and(Predicates.equal("scope", HookScope.SESSION.name()),
                Predicates.equal("scopeId", sessionId)));
        hazelcast.getMap(GridNames.HOOK_DELIVERIES).removeAll(Predicates.equal("sessionId", sessionId));
    }
}
