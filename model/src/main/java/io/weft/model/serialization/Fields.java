package io.weft.model.serialization;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encodings shared by the serializers: instants and durations as millis, maps as two arrays. */
final class Fields {

    private Fields() {
    }

    static void writeInstant(CompactWriter out, String name, Instant value) {
        out.writeNullableInt64(name, value == null ? null : value.toEpochMilli());
    }

    static Instant readInstant(CompactReader in, String name) {
        Long millis = in.readNullableInt64(name);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static void writeDuration(CompactWriter out, String name, Duration value) {
        out.writeNullableInt64(name, value == null ? null : value.toMillis());
    }

    /**
     * A string field added after the type's first release: a record written by an older member has
     * no such field, and reads as {@code null} rather than failing.
     */
    static String readOptionalString(CompactReader in, String name) {
        return in.getFieldKind(name) == FieldKind.STRING ? in.readString(name) : null;
    }

    static Duration readDuration(CompactReader in, String name) {
        Long millis = in.readNullableInt64(name);
        return millis == null ? null : Duration.ofMillis(millis);
    }

    /** Empty maps and lists are written as null arrays: cheaper to write and to read. */
    static void writeLabels(CompactWriter out, String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            out.writeArrayOfString(name + "Keys", null);
            out.writeArrayOfString(name + "Values", null);
            return;
        }
        String[] keys = new String[labels.size()];
        String[] values = new String[labels.size()];
        int i = 0;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            keys[i] = label.getKey();
            values[i++] = label.getValue();
        }
        out.writeArrayOfString(name + "Keys", keys);
        out.writeArrayOfString(name + "Values", values);
    }

    static Map<String, String> readLabels(CompactReader in, String name) {
        String[] keys = in.readArrayOfString(name + "Keys");
        String[] values = in.readArrayOfString(name + "Values");
        if (keys == null || keys.length == 0) {
            return Map.of();
        }
        Map<String, String> labels = new LinkedHashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            labels.put(keys[i], values[i]);
        }
        return labels;
    }

    static void writeStrings(CompactWriter out, String name, List<String> values) {
        out.writeArrayOfString(name, values.isEmpty() ? null : values.toArray(new String[0]));
    }

    static List<String> readStrings(CompactReader in, String name) {
        String[] values = in.readArrayOfString(name);
        return values == null ? List.of() : List.of(values);
    }

    static <E extends Enum<E>> E readEnum(CompactReader in, String name, Class<E> type) {
        String value = in.readString(name);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static String enumName(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
