package io.weft.gateway.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.weft.model.Json;
import java.time.Instant;
import java.util.List;

/**
 * A key as the grid keeps it: never its secret, only the secret's SHA-256 (hex). Stored as JSON text
 * so that the members need no serializer for it.
 */
public record KeyRecord(String id, String name, List<String> scopes, String sha256, Instant createdAt) {

    public String toJson() {
        return Json.write(java.util.Map.of("id", id, "name", name, "scopes", scopes, "sha256", sha256,
                "createdAt", createdAt.toString()));
    }

    public static KeyRecord fromJson(String json) {
        try {
            var node = Json.MAPPER.readTree(json);
            List<String> scopes = new java.util.ArrayList<>();
            node.path("scopes").forEach(s -> scopes.add(s.asText()));
            return new KeyRecord(node.path("id").asText(), node.path("name").asText(), List.copyOf(scopes),
                    node.path("sha256").asText(), Instant.parse(node.path("createdAt").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable key record", e);
        }
    }
}
