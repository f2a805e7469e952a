package io.weft.store.jdbc;

import io.weft.store.table.Column;
import io.weft.store.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one table's writes and reads, the same text for PostgreSQL and SQLite.
 *
 * <p>The upsert rule: a row is inserted, or replaced by a value whose revision is at least the row's.
 * A lower revision changes nothing. Write-behind may store an entry twice, or an older state after a
 * newer one (a failed batch retried, a queue handed over in a migration); this keeps the row at the
 * latest state whatever the order, and storing the same state again is a no-op in effect.
 */
final class Upsert {

    private Upsert() {
    }

    /** {@code id, revision, expires_at, <columns>, <payload>}: the order {@link TableStore} binds them in. */
    static List<String> writtenColumns(Table<?> table) {
        List<String> names = new ArrayList<>(List.of("id", "revision", "expires_at"));
        table.columns().stream().map(Column::name).forEach(names::add);
        names.add(table.payload().column());
        return names;
    }

    static String upsert(Table<?> table) {
        List<String> names = writtenColumns(table);
        String placeholders = names.stream().map(n -> "?").collect(Collectors.joining(", "));
        String updates = names.stream().skip(1).map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
        return "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") VALUES (" + placeholders + ")"
                + " ON CONFLICT (id) DO UPDATE SET " + updates
                + " WHERE excluded.revision >= " + table.name() + ".revision";
    }

    static String delete(Table<?> table) {
        return "DELETE FROM " + table.name() + " WHERE id = ?";
    }

    static String select(Table<?> table, int keys) {
        return "SELECT id, expires_at, " + table.payload().column() + " FROM " + table.name()
                + " WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(keys, "?")) + ")";
    }

    static String liveKeys(Table<?> table) {
        return "SELECT id FROM " + table.name() + " WHERE expires_at IS NULL OR expires_at > ?";
    }

    static String deleteExpired(Table<?> table) {
        return "DELETE FROM " + table.name() + " WHERE expires_at <= ?";
    }

    static String countLive(Table<?> table) {
        return "SELECT count(*) FROM " + table.name() + " WHERE expires_at IS NULL OR expires_at > ?";
    }
}
