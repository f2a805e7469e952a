package io.weft.gateway.service;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.partition.Partition;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.wire.ClusterView;
import io.weft.model.cluster.LostPartition;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;

/**
 * The cluster's health as the gateway sees it: the members it reaches against those expected and the
 * quorum (from the same {@code WEFT_QUORUM}, {@code WEFT_CP_MEMBERS} and {@code WEFT_MEMBERS} the nodes
 * read; 1 for the embedded node), partitions with no owner, and the lost partitions recorded. The
 * gateway is not ready while it reaches fewer members than the quorum or a partition has no owner.
 */
@Singleton
public class ClusterHealth {

    private final Grid grid;
    private final int expected;
    private final int quorum;

    public ClusterHealth(Grid grid, @Nullable @Value("${weft.quorum}") Integer quorum,
                         @Nullable @Value("${weft.cp-members}") Integer cpMembers, @Nullable @Value("${weft.members}") String members) {
        this.grid = grid;
        int listed = members == null || members.isBlank() ? 1
                : (int) Arrays.stream(members.split(",")).filter(m -> !m.isBlank()).count();
        int configured = grid.isEmbedded() ? 1 : (cpMembers != null && cpMembers > 0 ? cpMembers : listed);
        this.quorum = grid.isEmbedded() ? 1 : (quorum != null && quorum > 0 ? quorum : configured / 2 + 1);
        this.expected = Math.max(configured, 2 * this.quorum - 1);
    }

    /** Members reached, expected, the quorum and whether it is present; lost partitions. */
    public ClusterView.Health view() {
        int seen = seen();
        List<ClusterView.Lost> lost = grid.isReady() ? lost() : List.of();
        return new ClusterView.Health(seen, expected, quorum, seen >= quorum, unowned(), lost);
    }

    /** Ready: the cluster is reachable, the quorum is present and every partition has an owner. */
    public boolean ready() {
        return grid.isReady() && seen() >= quorum && unowned() == 0;
    }

    private int seen() {
        try {
            return grid.isReady() ? grid.hazelcast().getCluster().getMembers().size() : 0;
        } catch (HazelcastInstanceNotActiveException e) {
            return 0;
        }
    }

    private int unowned() {
        try {
            int count = 0;
            for (Partition partition : grid.hazelcast().getPartitionService().getPartitions()) {
                if (partition.getOwner() == null) {
                    count++;
                }
            }
            return count;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private List<ClusterView.Lost> lost() {
        return grid.client().lost().all().stream().map(ClusterHealth::view).toList();
    }

    private static ClusterView.Lost view(LostPartition p) {
        return new ClusterView.Lost(p.partitionId(), p.at(), p.gone(), p.maps(), p.backupCount());
    }
}
