package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /v1/sessions/{sid}/results}; {@code ttl} is an ISO-8601 duration, default one day. */
@Serdeable
public record ResultRequest(@Nullable String name, @Nullable String contentType, @Nullable String ttl) {
}
