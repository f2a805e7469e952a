package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list; {@code next} is the opaque cursor of the following page, null on the last. */
@Serdeable
public record Page<T>(List<T> items, @Nullable String next) {
}
