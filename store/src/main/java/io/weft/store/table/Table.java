package io.weft.store.table;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How one grid map is kept in one table: its map, the table, how the value is written, the columns
 * copied out for operators, and the value's revision.
 *
 * @param revision a number that never goes down as the entry changes (a task's history length, a
 *                 delivery's attempts). The store never replaces a row by one of a lower revision, so a
 *                 write-behind batch that is retried, or a queue handed over in a migration, cannot put
 *                 an older state back. Values with no such order (written once, or last write wins)
 *                 give 0.
 */
public record Table<V>(String map, String name, Payload<V> payload, List<Column<V>> columns,
                       ToLongFunction<V> revision) {

    public Table {
        if (name == null || !name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table name is lower-case letters and '_', got " + name);
        }
        columns = List.copyOf(columns);
    }
}
