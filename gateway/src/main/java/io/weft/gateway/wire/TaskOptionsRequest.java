package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Task options as JSON: durations ISO-8601 ({@code PT30S}), {@code runAt} an ISO-8601 instant. */
@Serdeable
public record TaskOptionsRequest(@Nullable Integer priority, @Nullable Integer maxRetries, @Nullable String backoff,
                                 @Nullable String timeout, @Nullable String runAt, @Nullable String delay,
                                 @Nullable Map<String, String> labels) {
}
