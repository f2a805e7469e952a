package io.weft.node.endpoints;

/**
 * A node's health as {@code /health/liveness} and {@code /health/readiness} tell it.
 *
 * @param live    the member runs (a probe restarts the process when this is false)
 * @param ready   the node has started its duties and takes tasks; false while starting and draining
 * @param member  the member's uuid
 * @param members the members of the cluster this member sees
 */
public record HealthReport(boolean live, boolean ready, String member, int members) {

    String toJson() {
        return "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"live\":" + live + ",\"ready\":" + ready
                + ",\"member\":\"" + member + "\",\"members\":" + members + "}";
    }
}
