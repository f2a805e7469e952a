package io.weft.node.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionLostEvent;
import com.hazelcast.partition.PartitionService;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.store.DurableStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back from the store the entries of partitions the grid lost (more members died at once than
 * there are backups). Losses come one event per partition, and two members dying lose many partitions
 * at once: they are gathered for a moment, then each kept table's keys are read once, and those of the
 * lost partitions loaded into the grid again (keys written since, by a submit that landed in the empty
 * partition, are left as they are). Only the oldest member does it; the load is cluster-wide.
 * The reloaded WAITING tasks are then registered under their inputs again, as after a restart.
 */
public final class LostPartitionReload {

    private static final Logger LOG = LoggerFactory.getLogger(LostPartitionReload.class);
    /** How long losses are gathered before a reload: long enough for one member's departure to end. */
    private static final long GATHER_MILLIS = 1_000;

    private final HazelcastInstance hazelcast;
    private final DurableStore store;
    private final ScheduledExecutorService executor;
    private final Consumer<List<Task>> rewire;
    private final Set<Integer> lost = new HashSet<>();
    private boolean scheduled;

    /** @param rewire registers reloaded WAITING tasks under their inputs again */
    public LostPartitionReload(HazelcastInstance hazelcast, DurableStore store, ScheduledExecutorService executor,
                               Consumer<List<Task>> rewire) {
        this.hazelcast = hazelcast;
        this.store = store;
        this.executor = executor;
        this.rewire = rewire;
    }

    public void listen() {
        hazelcast.getPartitionService().addPartitionLostListener(this::partitionLost);
    }

    private synchronized void partitionLost(PartitionLostEvent event) {
        lost.add(event.getPartitionId());
        if (!scheduled) {
            scheduled = true;
            executor.schedule(this::reload, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
        Set<Integer> partitions;
        synchronized (this) {
            partitions = Set.copyOf(lost);
            lost.clear();
            scheduled = false;
        }
        if (!hazelcast.getCluster().getMembers().iterator().next().localMember()) {
            return;
        }
        try {
            PartitionService service = hazelcast.getPartitionService();
            long reloaded = 0;
            Set<String> reloadedTasks = Set.of();
            for (String map : DurableStore.keptMaps()) {
                Set<String> keys = new HashSet<>();
                for (String key : store.liveKeys(map)) {
                    if (partitions.contains(service.getPartition(key).getPartitionId())) {
                        keys.add(key);
                    }
                }
                if (!keys.isEmpty()) {
                    hazelcast.<String, Object>getMap(map).loadAll(keys, false);
                    reloaded += keys.size();
                }
                if (map.equals(GridNames.TASKS)) {
                    reloadedTasks = keys;
                }
            }
            LOG.warn("{} partitions were lost with their backups; {} entries of theirs reloaded from the store",
                    partitions.size(), reloaded);
            rewireWaiting(reloadedTasks);
        } catch (RuntimeException e) {
            LOG.error("reloading {} lost partitions from the store failed: {}", partitions.size(), e.getMessage(), e);
        }
    }

    private void rewireWaiting(Set<String> reloadedTasks) {
        if (reloadedTasks.isEmpty()) {
            return;
        }
        IMap<String, Task> tasks = hazelcast.getMap(GridNames.TASKS);
        List<Task> waiting = tasks.getAll(reloadedTasks).values().stream()
                .filter(t -> t.status() == TaskStatus.WAITING).toList();
        if (!waiting.isEmpty()) {
            rewire.accept(waiting);
        }
    }
}
