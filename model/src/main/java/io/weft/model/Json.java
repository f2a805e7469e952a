package io.weft.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Task inputs and outputs travel and rest as JSON text: the grid never needs their structure, and
 * text is the cheapest form to store. This class is where that text is checked and parsed.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final int MAX_DOCUMENT_CHARS = 1 << 20;

    private Json() {
    }

    /** Returns the text unchanged if it is one well-formed JSON value of at most 1 MiB characters. */
    public static String document(String field, String json) {
        Checks.text(field, json, MAX_DOCUMENT_CHARS);
        // Streams over the tokens without building a tree: this runs whenever a task is read.
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() == null) {
                throw new InvalidValueException(field, "is empty; expected one JSON value");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidValueException(field, "holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidValueException(field, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
