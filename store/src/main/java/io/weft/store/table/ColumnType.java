package io.weft.store.table;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** How a column's value is bound; the same calls serve PostgreSQL and SQLite. */
public enum ColumnType {
    TEXT(Types.VARCHAR),
    INTEGER(Types.INTEGER),
    BIGINT(Types.BIGINT),
    /** An instant: timestamptz on PostgreSQL, epoch milliseconds on SQLite (sqlite-jdbc's default for timestamps). */
    TIME(Types.TIMESTAMP);

    private final int sqlType;

    ColumnType(int sqlType) {
        this.sqlType = sqlType;
    }

    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
            return;
        }
        switch (this) {
            case TEXT -> statement.setString(index, value.toString());
            case INTEGER -> statement.setInt(index, ((Number) value).intValue());
            case BIGINT -> statement.setLong(index, ((Number) value).longValue());
            case TIME -> statement.setTimestamp(index, Timestamp.from((Instant) value));
        }
    }
}
