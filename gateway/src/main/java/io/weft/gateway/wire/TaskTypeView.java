package io.weft.gateway.wire;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** A task type with its JSON Schemas, and how many members serve it with how many slots in all. */
@Serdeable
public record TaskTypeView(String name, String version, String description, JsonNode inputSchema,
                           JsonNode outputSchema, int members, int slots) {
}
