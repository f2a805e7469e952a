package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A new hook: the {@code events} it is told about ({@code TASK_SUCCEEDED}, {@code TASK_FAILED},
 * {@code TASK_CANCELLED}, {@code SESSION_FINISHED}) POSTed to {@code url}, for one session
 * ({@code sessionId}), or without one for every session of the calling key; an admin key may ask for
 * every session of the cluster with {@code allSessions}.
 */
@Serdeable
public record HookRequest(@Nullable String sessionId, @Nullable List<String> events, @Nullable String url,
                          @Nullable Boolean allSessions) {
}
