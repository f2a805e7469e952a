package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A new schedule: {@code cron} (5 fields, or 6 with seconds first) with an optional {@code zone}, or
 * {@code every} (an ISO-8601 duration); the {@code task} each tick submits into {@code sessionId};
 * {@code misfire} ({@code fire-once} or {@code skip}) and {@code maxFailures} (failures in a row
 * before it pauses itself).
 */
@Serdeable
public record ScheduleRequest(@Nullable String sessionId, @Nullable String cron, @Nullable String zone,
                              @Nullable String every, @Nullable TaskRequest task, @Nullable String misfire,
                              @Nullable Integer maxFailures) {
}
