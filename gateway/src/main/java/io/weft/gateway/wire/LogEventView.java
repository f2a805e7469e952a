package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One log line of one of the session's tasks, as an SSE event named {@code log}. */
@Serdeable
public record LogEventView(String sessionId, String taskId, long sequence, Instant at, int attempt, String text) {
}
