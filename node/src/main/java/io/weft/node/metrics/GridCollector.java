package io.weft.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.List;

/**
 * What the partitions this member owns hold, read when scraped: unfinished tasks by status (an
 * indexed query of the local partitions, so its cost grows with the matching tasks, not with the
 * map) and the bytes of result data. Summed over the members, they give the cluster's figures.
 */
final class GridCollector extends Collector {

    private final IMap<String, Task> tasks;
    private final IMap<Object, Object> chunks;

    GridCollector(HazelcastInstance member) {
        this.tasks = member.getMap(GridNames.TASKS);
        this.chunks = member.getMap(GridNames.CHUNKS);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        try {
            return List.of(ownedTasks(), resultBytes());
        } catch (HazelcastInstanceNotActiveException e) {
            // The member is stopping; a scrape now gets the node's other metrics.
            return List.of();
        }
    }

    private GaugeMetricFamily ownedTasks() {
        GaugeMetricFamily owned = new GaugeMetricFamily("weft_owned_tasks",
                "Unfinished tasks in the partitions this member owns, by status.", List.of("status"));
        for (TaskStatus status : TaskStatus.UNFINISHED) {
            owned.addMetric(List.of(status.name()), tasks.localKeySet(Predicates.equal("status", status.name())).size());
        }
        return owned;
    }

    private GaugeMetricFamily resultBytes() {
        return new GaugeMetricFamily("weft_result_stored_bytes",
                "Heap taken by result data (chunks with their entry overhead) in the partitions this member owns.",
                chunks.getLocalMapStats().getOwnedEntryMemoryCost());
    }
}
