package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One event told to one hook: its state ({@code PENDING}, {@code DELIVERED}, {@code FAILED}) and every attempt. */
@Serdeable
public record DeliveryView(String id, String hookId, String eventId, String event, String sessionId,
                           @Nullable String taskId, String state, Instant createdAt, @Nullable Instant nextAttemptAt,
                           List<Attempt> attempts) {

    /** One POST: the member that sent it, the receiver's status (0 when none came) or the error, and how long it took. */
    @Serdeable
    public record Attempt(int number, Instant at, String member, int status, @Nullable String error, long durationMs) {
    }
}
