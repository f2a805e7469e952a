package io.weft.gateway.service;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.gateway.config.WeftProperties;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.problem.OverloadedException;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import jakarta.inject.Singleton;

/**
 * Pushes back submissions when the cluster already has more queued work than
 * {@code WEFT_MAX_QUEUED_TASKS}: the count of QUEUED tasks (an indexed predicate count, re-read at
 * most every {@link #CACHE_MILLIS}) plus the batch must stay within the bound.
 */
@Singleton
public class Backpressure {

    public static final long CACHE_MILLIS = 200;
    public static final long RETRY_AFTER_SECONDS = 1;

    private final IMap<String, Task> tasks;
    private final long bound;
    private volatile long queued;
    private volatile long readAt;

    public Backpressure(Grid grid, WeftProperties properties) {
        this.tasks = grid.hazelcast().getMap(GridNames.TASKS);
        this.bound = properties.maxQueuedTasks();
    }

    public void admit(int incoming) {
        long current = queued();
        if (current + incoming > bound) {
            throw new OverloadedException("the cluster has " + current + " queued tasks; " + incoming
                    + " more would pass the bound of " + bound + ". Retry later.", RETRY_AFTER_SECONDS);
        }
    }

    public long queued() {
        long now = System.currentTimeMillis();
        if (now - readAt >= CACHE_MILLIS) {
            queued = count(TaskStatus.QUEUED);
            readAt = now;
        }
        return queued;
    }

    public long count(TaskStatus status) {
        Long n = tasks.aggregate(Aggregators.count(), Predicates.equal("status", status.name()));
        return n == null ? 0 : n;
    }
}
