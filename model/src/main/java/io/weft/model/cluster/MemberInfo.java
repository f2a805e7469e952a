package io.weft.model.cluster;

import io.weft.model.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a node publishes about itself: which task types it serves and with how many slots, its load
 * (tasks waiting for a slot plus attempts running, refreshed every few seconds) and whether it takes
 * new tasks. A draining node lists no types, so no other node forwards it work.
 */
public record MemberInfo(String memberId, String address, String version, Instant startedAt, List<ServedType> served,
                         int load, MemberState state) {

    public MemberInfo {
        Checks.notNull("memberId", memberId);
        Checks.notNull("address", address);
        Checks.notNull("version", version);
        Checks.notNull("startedAt", startedAt);
        Checks.notNull("state", state);
        Checks.range("load", load, 0, Integer.MAX_VALUE);
        served = List.copyOf(served);
    }

    /** A node that has just started: no load, taking tasks. */
    public MemberInfo(String memberId, String address, String version, Instant startedAt, List<ServedType> served) {
        this(memberId, address, version, startedAt, served, 0, MemberState.ACTIVE);
    }

    public Optional<ServedType> serves(String typeName) {
        return served.stream().filter(s -> s.type().name().equals(typeName)).findFirst();
    }

    /** The same node with what changes while it runs. */
    public MemberInfo with(List<ServedType> nowServed, int nowLoad, MemberState nowState) {
        return new MemberInfo(memberId, address, version, startedAt, nowServed, nowLoad, nowState);
    }
}
