package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.session.Session;
import io.weft.model.session.TaskCounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session with its task counts by status ({@code {"QUEUED": 0, "RUNNING": 2, "SUCCEEDED": 998}}) and
 * the options its tasks take when they give none.
 */
@Serdeable
public record SessionView(String id, String name, Map<String, String> labels, String state, Instant createdAt,
                          Map<String, Long> counts, TaskOptionsRequest defaults) {

    public static SessionView of(Session session, TaskCounts counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.byStatus().forEach((status, count) -> byName.put(status.name(), count));
        return new SessionView(session.id(), session.name(), session.labels(), session.state().name(),
                session.createdAt(), byName, TaskOptionsRequest.of(session.defaults()));
    }
}
