package io.weft.node.cluster;

/**
 * What a member knows of the cluster's health now, as readiness, {@code /v1/cluster} and the metrics
 * tell it. A member can serve only while {@link #servable()}.
 *
 * @param seen              the members this member sees, itself included
 * @param expected          the members the cluster is configured to have
 * @param quorum            the fewest members a side needs to take writes
 * @param quorumPresent     whether this member's side has them
 * @param partitionsUnowned partitions with no live owner now
 * @param migrating         whether partitions are migrating between members now
 * @param lossesUnreported  lost partitions whose handlers (log, record, recount) have not all run yet
 * @param partitionsLost    lost partitions this member was the first to record
 */
public record ClusterState(int seen, int expected, int quorum, boolean quorumPresent, int partitionsUnowned,
                           boolean migrating, int lossesUnreported, long partitionsLost) {

    /** True while the member has the quorum, every partition has an owner, none migrates and every loss is reported. */
    public boolean servable() {
        return quorumPresent && partitionsUnowned == 0 && !migrating && lossesUnreported == 0;
    }

    /** Why the member cannot serve, or null when it can. */
    public String reason() {
        if (!quorumPresent) {
            return "sees " + seen + " of " + expected + " members, fewer than the quorum of " + quorum;
        }
        if (partitionsUnowned > 0) {
            return partitionsUnowned + " partitions have no owner";
        }
        if (migrating) {
            return "partitions are migrating";
        }
        if (lossesUnreported > 0) {
            return lossesUnreported + " lost partitions are not reported yet";
        }
        return null;
    }

    String toJson() {
        String why = reason();
        return "{\"membersSeen\":" + seen + ",\"membersExpected\":" + expected + ",\"quorum\":" + quorum
                + ",\"quorumPresent\":" + quorumPresent + ",\"partitionsUnowned\":" + partitionsUnowned
                + ",\"migrating\":" + migrating + ",\"lossesUnreported\":" + lossesUnreported
                + ",\"partitionsLost\":" + partitionsLost + (why == null ? "" : ",\"reason\":\"" + why + "\"") + "}";
    }

    /** This state as JSON, for the node's health endpoint. */
    public String json() {
        return toJson();
    }
}
