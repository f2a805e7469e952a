package io.weft.store.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.weft.store.json.StoredJson;

/**
 * How an entry's value is kept in its row: as a JSON document (column {@code doc}), readable with
 * {@code psql}, or as raw bytes (column {@code data}) for a result's chunks.
 */
public sealed interface Payload<V> {

    String column();

    /** A value as JSON, written and read by {@link StoredJson}. */
    record Json<V>(Class<V> type) implements Payload<V> {
        @Override
        public String column() {
            return "doc";
        }

        public String write(V value) {
            try {
                return StoredJson.MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a " + type.getSimpleName() + " as JSON", e);
            }
        }

        public V read(String json) {
            try {
                return StoredJson.MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read a " + type.getSimpleName() + " from its row: " + e.getOriginalMessage(), e);
            }
        }
    }

    /** A string that is a JSON document already (the gateway's key records): stored as it is. */
    record JsonText() implements Payload<String> {
        @Override
        public String column() {
            return "doc";
        }
    }

    /** Bytes, as they are. */
    record Bytes() implements Payload<byte[]> {
        @Override
        public String column() {
            return "data";
        }
    }
}
