package io.weft.node.dependencies;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the tasks that wait for a result the moment it settles. Each node listens to the results its
 * own partitions hold (a local listener, filtered in the grid to COMPLETED and ABORTED), so every
 * settlement is handled once, on the member that owns it, whoever completed it: a node's handler, a
 * Java client or a gateway. Work runs on the node's executor, never on the event thread.
 */
public final class SettledResultListener implements EntryUpdatedListener<String, ResultMeta> {

    private static final Logger LOG = LoggerFactory.getLogger(SettledResultListener.class);

    private final TaskGraph graph;
    private final Executor executor;

    private SettledResultListener(TaskGraph graph, Executor executor) {
        this.graph = graph;
        this.executor = executor;
    }

    /** Starts listening on this member; returns the registration, to remove it on shutdown. */
    public static UUID listen(HazelcastInstance hazelcast, TaskGraph graph, Executor executor) {
        IMap<String, ResultMeta> results = hazelcast.getMap(GridNames.RESULTS);
        return results.addLocalEntryListener(new SettledResultListener(graph, executor),
                Predicates.in("status", ResultStatus.COMPLETED.name(), ResultStatus.ABORTED.name()), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, ResultMeta> event) {
        ResultMeta settled = event.getValue();
        ResultMeta before = event.getOldValue();
        if (settled == null || (before != null && before.status() == settled.status())) {
            return;
        }
        executor.execute(() -> {
            try {
                graph.settle(settled, executor).exceptionally(e -> {
                    LOG.warn("telling the tasks waiting for result {} failed; the waiting audit retries", settled.id(), e);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("reading the tasks waiting for result {} failed; the waiting audit retries", settled.id(), e);
            }
        });
    }
}
