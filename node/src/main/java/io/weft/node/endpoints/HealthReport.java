package io.weft.node.endpoints;

import io.weft.node.cluster.ClusterState;

/**
 * A node's health as {@code /health/liveness} and {@code /health/readiness} tell it.
 *
 * @param live    the member runs (a probe restarts the process when this is false)
 * @param ready   the node has started its duties and takes tasks, and the cluster as it sees it can serve
 *                ({@link ClusterState#servable()}); false while starting and draining
 * @param member  the member's uuid
 * @param members the members of the cluster this member sees
 * @param cluster the quorum, partitions and losses as this member sees them; null when it has stopped
 */
public record HealthReport(boolean live, boolean ready, String member, int members, ClusterState cluster) {

    public HealthReport(boolean live, boolean ready, String member, int members) {
        this(live, ready, member, members, null);
    }

    String toJson() {
        return "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"live\":" + live + ",\"ready\":" + ready
                + ",\"member\":\"" + member + "\",\"members\":" + members
                + (cluster == null ? "" : ",\"cluster\":" + cluster.json()) + "}";
    }
}
