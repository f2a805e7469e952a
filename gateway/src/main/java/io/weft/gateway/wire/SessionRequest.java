package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code POST /v1/sessions}. {@code defaults}: the options of its tasks, field by field, where a task gives none. */
@Serdeable
public record SessionRequest(@Nullable String name, @Nullable Map<String, String> labels,
                             @Nullable TaskOptionsRequest defaults) {
}
