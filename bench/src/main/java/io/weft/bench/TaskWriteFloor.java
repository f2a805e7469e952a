package io.weft.bench;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.Ids;
import io.weft.model.grid.CompleteAttempt;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.InsertTask;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The grid's share of a no-op task, without Weft's engine: the two writes every echo task costs in
 * the grid ({@link InsertTask}, then {@link CompleteAttempt} recording its start and its outcome),
 * each an entry processor on a map configured as the tasks map is (same indexes, backups, format) and
 * answering what the engine asks for, with one local listener told of every terminal change (what a
 * terminal-only subscription costs).
 * 1,000 tasks in flight; the completion is sent from the insert's callback on the completing thread.
 * No dispatch, lanes, handlers, session counts or client: the distance between this and
 * {@code echo-embedded} is the engine's own cost per task.
 */
final class TaskWriteFloor {

    private static final String WORKER = "floor-worker";

    private final HazelcastInstance hazelcast;
    private final String mapName = "bench.task-floor-" + UUID.randomUUID().toString().substring(0, 8);

    TaskWriteFloor(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        MapConfig tasks = new MapConfig(hazelcast.getConfig().getMapConfig(GridNames.TASKS));
        hazelcast.getConfig().addMapConfig(tasks.setName(mapName));
    }

    /**
     * One run of {@code count} tasks; returns tasks per second, both writes of each done and each told,
     * and adds the JVM's CPU per task in the clocked window to {@code cpuMicros}.
     */
    double run(int count, List<Double> cpuMicros) throws InterruptedException {
        IMap<String, Task> map = hazelcast.getMap(mapName);
        CountDownLatch told = new CountDownLatch(count);
        String session = Ids.newSessionId();
        EntryUpdatedListener<String, Task> terminal = event -> told.countDown();
        UUID listener = map.addLocalEntryListener(terminal, Predicates.and(Predicates.equal("sessionId", session),
                Predicates.in("status", TaskStatus.SUCCEEDED.name(), TaskStatus.FAILED.name(), TaskStatus.CANCELLED.name())),
                true);
        try {
            Semaphore inFlight = new Semaphore(1_000);
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                Task task = Task.create(Ids.newTaskId(), session, TaskSpec.of("echo", "{\"i\":" + i + "}"), Instant.now());
                map.submitToKey(task.id(), new InsertTask(task)).thenComposeAsync(earlier -> {
                    long now = System.currentTimeMillis();
                    CompleteAttempt completion = CompleteAttempt.success(task.attempt(), WORKER, now, "{}", now);
                    return map.submitToKey(task.id(), completion.predicting(completion.applyTo(task)));
                }, Runnable::run).whenCompleteAsync((done, failure) -> inFlight.release(), Runnable::run);
            }
            if (!told.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(told.getCount() + " floor tasks were not completed in 5 minutes");
            }
            double perSecond = count / ((System.nanoTime() - start) / 1e9);
            cpuMicros.add(ProcessCpu.microsPerTask(cpuStart, count));
            return perSecond;
        } finally {
            map.removeEntryListener(listener);
            map.clear();
        }
    }

    void destroy() {
        hazelcast.getMap(mapName).destroy();
    }
}
