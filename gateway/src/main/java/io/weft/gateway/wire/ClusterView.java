package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.cluster.MemberInfo;
import java.time.Instant;
import java.util.List;

/** The members, the task types each serves with its slots, each one's load and state, and the cluster's load. */
@Serdeable
public record ClusterView(String clusterName, List<MemberView> members, long queued, long running) {

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
