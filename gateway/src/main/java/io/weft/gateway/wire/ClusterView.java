package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.cluster.MemberInfo;
import java.time.Instant;
import java.util.List;

/**
 * The members, the task types each serves with its slots, each one's load and state, the cluster's
 * load, and its health: members seen and expected, the quorum, lost partitions.
 */
@Serdeable
public record ClusterView(String clusterName, List<MemberView> members, long queued, long running, Health health) {

    /**
     * @param membersSeen       the members the gateway reaches
     * @param membersExpected   the members the cluster is configured to have
     * @param quorum            the fewest members a side of a split needs to take writes
     * @param quorumPresent     whether the members reached are that many (false: a split, writes refused)
     * @param partitionsUnowned partitions with no live owner now
     * @param lostPartitions    partitions lost with every replica, while their records are kept
     */
    @Serdeable
    public record Health(int membersSeen, int membersExpected, int quorum, boolean quorumPresent, int partitionsUnowned,
                         List<Lost> lostPartitions) {
    }

    /** A partition lost with every replica: when, with which members, what it held and with how many backups. */
    @Serdeable
    public record Lost(int partitionId, Instant at, List<String> gone, List<String> maps, int backupCount) {
    }

    /**
     * One node. {@code load} is its tasks waiting for a slot plus its attempts running, as it last
     * published them (every few seconds); {@code state} is ACTIVE, DRAINING or DRAINED.
     */
    @Serdeable
    public record MemberView(String id, String address, String version, Instant startedAt, List<Served> types,
                             int load, String state) {

        public static MemberView of(MemberInfo m) {
            return new MemberView(m.memberId(), m.address(), m.version(), m.startedAt(),
                    m.served().stream().map(s -> new Served(s.type().name(), s.slots())).toList(), m.load(), m.state().name());
        }
    }

    @Serdeable
    public record Served(String type, int slots) {
    }
}
