package io.weft.model.cluster;

import io.weft.model.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a node publishes about itself: which task types it serves and with how many slots. */
public record MemberInfo(String memberId, String address, String version, Instant startedAt, List<ServedType> served) {

    public MemberInfo {
        Checks.notNull("memberId", memberId);
        Checks.notNull("address", address);
        Checks.notNull("version", version);
        Checks.notNull("startedAt", startedAt);
        served = List.copyOf(served);
    }

    public Optional<ServedType> serves(String typeName) {
        return served.stream().filter(s -> s.type().name().equals(typeName)).findFirst();
    }
}
