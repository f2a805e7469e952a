package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.session.Session;
import java.time.Instant;
import java.util.Map;

/** A session with its task counts by status. */
@Serdeable
public record SessionView(String id, String name, Map<String, String> labels, String state, Instant createdAt,
                          Map<String, Long> counts) {

    public static SessionView of(Session session, Map<String, Long> counts) {
        return new SessionView(session.id(), session.name(), session.labels(), session.state().name(),
                session.createdAt(), counts);
    }
}
