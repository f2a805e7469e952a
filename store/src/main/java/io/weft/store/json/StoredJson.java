package io.weft.store.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.BitSet;

/**
 * The JSON form of Weft's domain records in the store: their components by name, times and durations
 * as ISO-8601 text, so that a row reads as the entry does. A record is read back through its canonical
 * constructor, so a stored value passes the same checks as a new one; properties a later version adds
 * or drops are ignored, so rows outlive the code that wrote them.
 */
public final class StoredJson {

    public static final ObjectMapper MAPPER = mapper();

    private StoredJson() {
    }

    private static ObjectMapper mapper() {
        SimpleModule bitSets = new SimpleModule("weft-bitsets")
                .addSerializer(BitSet.class, new BitSetWriter())
                .addDeserializer(BitSet.class, new BitSetReader());
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(bitSets)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** A bit set as the list of its set bits' positions: {@code [0, 3]}. */
    private static final class BitSetWriter extends JsonSerializer<BitSet> {
        @Override
        public void serialize(BitSet value, JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeArray(value.stream().toArray(), 0, value.cardinality());
        }
    }

    private static final class BitSetReader extends JsonDeserializer<BitSet> {
        @Override
        public BitSet deserialize(JsonParser in, DeserializationContext context) throws IOException {
            BitSet bits = new BitSet();
            for (int position : in.readValueAs(int[].class)) {
                bits.set(position);
            }
            return bits;
        }
    }
}
