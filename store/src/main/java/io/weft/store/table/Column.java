package io.weft.store.table;

import java.util.function.Function;

/**
 * A column an operator can query, read from the entry's value. The value itself is stored whole
 * beside it; the column is a copy for people and their queries, never read back.
 */
public record Column<V>(String name, ColumnType type, Extractor<V> value) {

    /** Reads a column's value from an entry's key and value. */
    @FunctionalInterface
    public interface Extractor<V> {
        Object of(String key, V value);
    }

    public Column {
        if (name == null || !name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a column name is lower-case letters and '_', got " + name);
        }
    }

    public static <V> Column<V> text(String name, Function<V, Object> value) {
        return new Column<>(name, ColumnType.TEXT, (key, v) -> value.apply(v));
    }

    public static <V> Column<V> integer(String name, Function<V, Object> value) {
        return new Column<>(name, ColumnType.INTEGER, (key, v) -> value.apply(v));
    }

    public static <V> Column<V> bigint(String name, Function<V, Object> value) {
        return new Column<>(name, ColumnType.BIGINT, (key, v) -> value.apply(v));
    }

    public static <V> Column<V> time(String name, Function<V, Object> value) {
        return new Column<>(name, ColumnType.TIME, (key, v) -> value.apply(v));
    }

    /** A text column read from the entry's key. */
    public static <V> Column<V> textOfKey(String name, Function<String, Object> value) {
        return new Column<>(name, ColumnType.TEXT, (key, v) -> value.apply(key));
    }
}
