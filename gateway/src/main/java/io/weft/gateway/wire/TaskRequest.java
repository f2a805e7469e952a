package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One task of a submit. */
@Serdeable
public record TaskRequest(@Nullable String type, @Nullable JsonNode input, @Nullable TaskOptionsRequest options,
                          @Nullable List<String> dependsOn, @Nullable List<String> outputs,
                          @Nullable String idempotencyKey) {
}
