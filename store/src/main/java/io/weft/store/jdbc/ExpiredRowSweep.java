package io.weft.store.jdbc;

import io.weft.store.table.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows whose entries expired. The grid's expiry never calls the store's delete, so without
 * this an expired result's bytes would stay in the database for ever. Loading skips expired rows too,
 * so a row this has not reached yet is never read back.
 */
public final class ExpiredRowSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRowSweep.class);

    private final DataSource dataSource;
    private final List<Table<?>> tables;
    private final Clock clock;

    /** @param tables the tables whose entries expire (each has an index on {@code expires_at}) */
    public ExpiredRowSweep(DataSource dataSource, List<Table<?>> tables, Clock clock) {
        this.dataSource = dataSource;
        this.tables = List.copyOf(tables);
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            sweep();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("deleting expired rows failed (tried again at the next sweep): {}", e.getMessage());
        }
    }

    /** Deletes every expired row now; returns how many. */
    public int sweep() throws SQLException {
        int deleted = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (Table<?> table : tables) {
                try (PreparedStatement statement = connection.prepareStatement(Upsert.deleteExpired(table))) {
                    statement.setTimestamp(1, new Timestamp(clock.millis()));
                    deleted += statement.executeUpdate();
                }
            }
        }
        if (deleted > 0) {
            LOG.debug("deleted {} expired rows", deleted);
        }
        return deleted;
    }
}
