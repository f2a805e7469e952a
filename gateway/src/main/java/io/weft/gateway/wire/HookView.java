package io.weft.gateway.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A hook. {@code scope} is {@code session} (with {@code sessionId}), {@code key} (every session of
 * {@code keyId}) or {@code all}; {@code secret}, which signs its deliveries, only in the answer that
 * created it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HookView(String id, String scope, @Nullable String sessionId, @Nullable String keyId, List<String> events,
                       String url, Instant createdAt, @Nullable String secret) {
}
