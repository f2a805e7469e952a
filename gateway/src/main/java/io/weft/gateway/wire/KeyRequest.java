package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code POST /v1/keys}: scopes among admin, submit, read. */
@Serdeable
public record KeyRequest(@Nullable String name, @Nullable List<String> scopes) {
}
