package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.CancelTask;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.SessionCountWriter;
import io.weft.model.grid.TaskUpdate;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The grid work of cancelling and purging a session; the caller holds the session's lock. */
final class SessionPurge {

    /** Chunks removed per round trip while looking for the end of a result's bytes. */
    private static final int CHUNK_BATCH = 16;

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final IMap<String, ResultMeta> results;
    private final IMap<String, byte[]> chunks;
    private final Clock clock;

    SessionPurge(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.clock = clock;
    }

    /** Cancels every unfinished task of the session in one grid call, interrupts the running ones, and counts the moves. */
    void cancelUnfinished(String sessionId) {
        Map<String, TaskUpdate> updates = tasks.executeOnEntries(new CancelTask(clock.millis()),
                Predicates.and(Predicates.equal("sessionId", sessionId),
                        Predicates.in("status", TaskStatus.WAITING.name(), TaskStatus.SCHEDULED.name(),
                                TaskStatus.QUEUED.name(), TaskStatus.RUNNING.name())));
        List<Task> cancelled = updates.values().stream().filter(Objects::nonNull).filter(TaskUpdate::changed)
                .map(TaskUpdate::task).toList();
        cancelled.forEach(task -> Tasks.interruptIfItRan(hazelcast, task));
        new SessionCountWriter(hazelcast).apply(cancelled);
    }

    /** Removes the session's tasks, its results and every chunk of their bytes. */
    void removeData(String sessionId) {
        tasks.removeAll(Predicates.equal("sessionId", sessionId));
        for (String resultId : results.keySet(Predicates.equal("sessionId", sessionId))) {
            removeChunks(resultId);
            results.delete(resultId);
        }
    }

    /**
     * Uploads write chunks in order from 0, so a result's chunks are the consecutive indexes from 0
     * up to the first one missing, whether its upload completed or was abandoned midway.
     */
    private void removeChunks(String resultId) {
        for (int first = 0; ; first += CHUNK_BATCH) {
            List<CompletableFuture<byte[]>> removals = new ArrayList<>(CHUNK_BATCH);
            for (int i = first; i < first + CHUNK_BATCH; i++) {
                removals.add(chunks.removeAsync(ChunkKey.of(resultId, i)).toCompletableFuture());
            }
            boolean ended = false;
            for (CompletableFuture<byte[]> removal : removals) {
                ended |= removal.join() == null;
            }
            if (ended) {
                return;
            }
        }
    }
}
