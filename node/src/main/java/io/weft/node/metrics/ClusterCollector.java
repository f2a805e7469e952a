package io.weft.node.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.node.cluster.ClusterState;
import io.weft.node.merge.MergeConflicts;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cluster as this member sees it, read when scraped: members seen and expected, the quorum (1
 * while this member's side has it), unowned partitions, lost partitions it recorded, and merge
 * conflicts. config/prometheus-rules.yml alerts on each.
 */
public final class ClusterCollector extends Collector {

    private final Supplier<ClusterState> state;

    public ClusterCollector(Supplier<ClusterState> state) {
        this.state = state;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        ClusterState now = state.get();
        return List.of(
                new GaugeMetricFamily("weft_cluster_members", "Members this member sees, itself included.", now.seen()),
                new GaugeMetricFamily("weft_cluster_expected_members", "Members the cluster is configured to have.",
                        now.expected()),
                new GaugeMetricFamily("weft_cluster_quorum",
                        "1 while this member's side of the cluster has the quorum (takes writes), 0 when not.",
                        now.quorumPresent() ? 1 : 0),
                new GaugeMetricFamily("weft_cluster_partitions_unowned", "Partitions with no live owner now.",
                        now.partitionsUnowned()),
                new CounterMetricFamily("weft_partitions_lost_total",
                        "Partitions that lost every replica, counted by the member that recorded each.", now.partitionsLost()),
                new CounterMetricFamily("weft_merge_conflicts_total",
                        "Entries whose two sides of a healed split ended differently (the larger side's kept).",
                        MergeConflicts.count()));
    }
}
