package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code POST /v1/sessions}. {@code defaults} (task options for the session) is accepted but not applied yet. */
@Serdeable
public record SessionRequest(@Nullable String name, @Nullable Map<String, String> labels,
                             @Nullable TaskOptionsRequest defaults) {
}
