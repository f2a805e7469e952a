package io.weft.node.endpoints;

/**
 * A node's health as {@code /health/liveness} and {@code /health/readiness} tell it.
 *
 * @param live    the member runs (a probe restarts the process when this is false)
 * @param ready   the node has started its duties and takes tasks; false while starting and draining
 * @param member  the member's uuid
 * @param members the members of the cluster this member sees
 * @param detail  why it is not ready (loading the store, with a count) or why it is degraded (the store
 *                is failing: it still runs tasks from memory); {@code null} when all is well
 */
public record HealthReport(boolean live, boolean ready, String member, int members, String detail) {

    public HealthReport(boolean live, boolean ready, String member, int members) {
        this(live, ready, member, members, null);
    }

    /** UP, DOWN, or DEGRADED: ready, with something the operator should know. */
    public String status() {
        return !ready ? "DOWN" : detail == null ? "UP" : "DEGRADED";
    }

    String toJson() {
        return "{\"status\":\"" + status() + "\",\"live\":" + live + ",\"ready\":" + ready
                + ",\"member\":\"" + member + "\",\"members\":" + members
                + (detail == null ? "" : ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + "}";
    }
}
