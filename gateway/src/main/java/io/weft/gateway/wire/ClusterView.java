package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The members, the task types each serves with its slots, and the cluster's load. */
@Serdeable
public record ClusterView(String clusterName, List<MemberView> members, long queued, long running) {

    @Serdeable
    public record MemberView(String id, String address, String version, Instant startedAt, List<Served> types) {
    }

    @Serdeable
    public record Served(String type, int slots) {
    }
}
