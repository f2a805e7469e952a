package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A message a client sends on {@code /v1/ws}: {@code auth} (with {@code key}, when the upgrade
 * request carried none), {@code subscribe} / {@code unsubscribe} (a session's events, optionally from
 * {@code lastEventId}), or {@code submit} (tasks into a session, whose events then come on the same
 * socket). {@code requestId} is echoed in the reply so a client can pair them.
 */
@Serdeable
public record SocketCommand(@Nullable String op, @Nullable String requestId, @Nullable String key,
                            @Nullable String sessionId, @Nullable String lastEventId, @Nullable List<TaskRequest> tasks) {
}
