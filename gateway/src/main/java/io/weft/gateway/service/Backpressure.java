package io.weft.gateway.service;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.config.WeftProperties;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.problem.OverloadedException;
import io.weft.model.grid.GridNames;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.TaskStatus;
import jakarta.inject.Singleton;

/**
 * Pushes back submissions when the cluster already has more queued work than
 * {@code WEFT_MAX_QUEUED_TASKS}: the count of QUEUED tasks (re-read at most every {@link #CACHE_MILLIS},
 * by one request thread at a time) plus the batch must stay within the bound.
 *
 * <p>The count is the sum of the sessions' kept counts by status ({@code weft.session-counts}, one
 * small entry per session, at most ~100 ms behind), not a count of the tasks: counting the tasks
 * walks every queued one, and under load that walk was half of the gateway's time.
 */
@Singleton
@GridBudget
public class Backpressure {

    public static final long CACHE_MILLIS = 200;
    public static final long RETRY_AFTER_SECONDS = 1;

    private final IMap<String, TaskCounts> counts;
    private final long bound;
    private volatile long queued;
    private volatile long readAt;

    public Backpressure(Grid grid, WeftProperties properties) {
        this.counts = grid.hazelcast().getMap(GridNames.SESSION_COUNTS);
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
        if (System.currentTimeMillis() - readAt >= CACHE_MILLIS) {
            synchronized (this) {
                long now = System.currentTimeMillis();
                if (now - readAt >= CACHE_MILLIS) {
                    queued = count(TaskStatus.QUEUED);
                    readAt = now;
                }
            }
        }
        return queued;
    }

    /** The cluster's tasks in {@code status}, from the sessions' kept counts. */
    public long count(TaskStatus status) {
        Long n = counts.aggregate(Aggregators.longSum(status.name()), Predicates.greaterThan(status.name(), 0L));
        return n == null ? 0 : n;
    }
}
