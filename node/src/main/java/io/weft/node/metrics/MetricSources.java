package io.weft.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import io.weft.model.grid.InsertObserver;
import io.weft.node.execution.Dispatcher;

/**
 * Connects the node's metrics to what they count outside the attempt runner: inserts (told by the
 * grid's batch insert, through {@link #submittedCounter}) and the gauges read from local state at
 * scrape time. Cancellations are counted by the execution's {@code CancelledTaskChanges}.
 */
public final class MetricSources {

    private MetricSources() {
    }

    public static void attach(HazelcastInstance member, Dispatcher dispatcher, NodeMetrics metrics) {
        new LaneCollector(dispatcher).register(metrics.registry());
        new GridCollector(member).register(metrics.registry());
    }

    /** Counts the tasks a batch insert on this member stored anew. */
    public static InsertObserver submittedCounter(NodeMetrics metrics) {
        return stored -> stored.forEach(task -> metrics.submitted.labels(task.type()).inc());
    }
}
