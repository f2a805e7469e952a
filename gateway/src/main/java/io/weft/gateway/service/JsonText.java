package io.weft.gateway.service;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Between the grid's JSON text (task inputs, outputs, schemas) and the JSON trees of the wire types. */
@Singleton
public class JsonText {

    private final JsonMapper mapper;

    public JsonText(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }

    public String text(JsonNode node) {
        if (node == null) {
            return "null";
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }
}
