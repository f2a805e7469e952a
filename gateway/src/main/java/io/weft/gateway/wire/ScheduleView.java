package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A schedule with its next fire times (none while paused) and, once it paused itself, why. */
@Serdeable
public record ScheduleView(String id, String sessionId, String state, @Nullable String reason, @Nullable String cron,
                           @Nullable String zone, @Nullable String every, TaskTemplate task, String misfire,
                           int maxFailures, Instant createdAt, List<Instant> nextFireTimes, @Nullable Instant lastFiredAt,
                           @Nullable String lastTaskId, long fired, int failures) {

    /** The task each tick submits. */
    @Serdeable
    public record TaskTemplate(String type, @Nullable JsonNode input, int priority, int maxRetries, String timeout,
                               @Nullable String delay, Map<String, String> labels) {
    }
}
