package io.weft.gateway.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A key; {@code secret} only in the answer that created it. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(String id, String name, List<String> scopes, Instant createdAt, @Nullable String secret) {
}
