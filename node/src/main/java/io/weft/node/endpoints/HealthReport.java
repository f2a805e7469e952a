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
 * @param detail  why it is not ready (loading the store, with a count; the cluster's state) or why it is
 *                degraded (the store is failing: it still runs tasks from memory); {@code null} when all is well
 * @param cluster the quorum, partitions and losses as this member sees them; null while starting or stopped
 */
public record HealthReport(boolean live, boolean ready, String member, int members, String detail, ClusterState cluster) {

    public HealthReport(boolean live, boolean ready, String member, int members) {
        this(live, ready, member, members, null, null);
    }

    public HealthReport(boolean live, boolean ready, String member, int members, String detail) {
        this(live, ready, member, members, detail, null);
    }

    /** UP, DOWN, or DEGRADED: ready, with something the operator should know. */
    public String status() {
        return !ready ? "DOWN" : detail == null ? "UP" : "DEGRADED";
    }

    String toJson() {
        return "{\"status\":\"" + status() + "\",\"live\":" + live + ",\"ready\":" + ready
                + ",\"member\":\"" + member + "\",\"members\":" + members
                + (detail == null ? "" : ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                + (cluster == null ? "" : ",\"cluster\":" + cluster.json()) + "}";
    }
}
