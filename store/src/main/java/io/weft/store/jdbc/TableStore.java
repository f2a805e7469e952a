package io.weft.store.jdbc;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import com.hazelcast.map.EntryStore;
import io.weft.store.StoreMetrics;
import io.weft.store.table.Column;
import io.weft.store.table.Payload;
import io.weft.store.table.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Keeps one grid map in its table: Hazelcast calls it, on the offloaded map-store threads, with the
 * entries a member owns. Writes are {@link Upsert}s in one transaction per batch, all or nothing: a
 * failed batch is left whole to Hazelcast, which retries it. Each entry's expiry goes into its row, and
 * a row past it is neither loaded nor kept.
 *
 * <p>A single key is never read through: the grid holds every live row (the map loads eagerly, nothing
 * is evicted, and a lost partition is reloaded by {@link #loadAll}), so a key the grid lacks is a key the
 * store lacks too, and a query per miss (every new task is one) would cost a round trip for nothing.
 */
public final class TableStore<V> implements EntryStore<String, V> {

    /** Keys per select: under SQLite's and PostgreSQL's limits on bound parameters. */
    private static final int SELECT_CHUNK = 500;

    private final Table<V> table;
    private final DataSource dataSource;
    private final Clock clock;
    private final StoreMetrics metrics;
    private final String upsert;
    private final String delete;

    public TableStore(Table<V> table, DataSource dataSource, Clock clock, StoreMetrics metrics) {
        this.table = table;
        this.dataSource = dataSource;
        this.clock = clock;
        this.metrics = metrics;
        this.upsert = Upsert.upsert(table);
        this.delete = Upsert.delete(table);
    }

    public Table<V> table() {
        return table;
    }

    @Override
    public void store(String key, MetadataAwareValue<V> value) {
        storeAll(Map.of(key, value));
    }

    @Override
    public void storeAll(Map<String, MetadataAwareValue<V>> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                for (Map.Entry<String, MetadataAwareValue<V>> entry : entries.entrySet()) {
                    bindRow(statement, entry.getKey(), entry.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            metrics.writeFailed(table.name(), e);
            throw new IllegalStateException("storing " + entries.size() + " rows in " + table.name() + " failed: "
                    + e.getMessage(), e);
        }
        metrics.written(table.name(), entries.size(), System.nanoTime() - started);
    }

    @Override
    public void delete(String key) {
        deleteAll(List.of(key));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                for (String key : keys) {
                    statement.setString(1, key);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            metrics.writeFailed(table.name(), e);
            throw new IllegalStateException("deleting " + keys.size() + " rows of " + table.name() + " failed: "
                    + e.getMessage(), e);
        }
        metrics.written(table.name(), keys.size(), System.nanoTime() - started);
    }

    /** Never a query: see the class comment. */
    @Override
    public MetadataAwareValue<V> load(String key) {
        return null;
    }

    @Override
    public Map<String, MetadataAwareValue<V>> loadAll(Collection<String> keys) {
        Map<String, MetadataAwareValue<V>> loaded = new HashMap<>(keys.size() * 2);
        List<String> all = new ArrayList<>(keys);
        long now = clock.millis();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += SELECT_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + SELECT_CHUNK));
                try (PreparedStatement statement = connection.prepareStatement(Upsert.select(table, chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Timestamp expires = rows.getTimestamp(2);
                            long expiresAt = expires == null ? MetadataAwareValue.NO_TIME_SET : expires.getTime();
                            if (expiresAt > now) {
                                loaded.put(rows.getString(1), new MetadataAwareValue<>(read(rows), expiresAt));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + keys.size() + " rows of " + table.name() + " failed: "
                    + e.getMessage(), e);
        }
        metrics.loaded(table.name(), loaded.size());
        return loaded;
    }

    /** Every live row's key; rows past their expiry are left out (and deleted by {@link ExpiredRowSweep}). */
    @Override
    public Iterable<String> loadAllKeys() {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(Upsert.liveKeys(table))) {
            statement.setFetchSize(10_000);
            statement.setTimestamp(1, new Timestamp(clock.millis()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the rows of " + table.name() + " failed: " + e.getMessage(), e);
        }
        return keys;
    }

    /** How many live rows the table holds. */
    public long liveRows() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(Upsert.countLive(table))) {
            statement.setTimestamp(1, new Timestamp(clock.millis()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the rows of " + table.name() + " failed: " + e.getMessage(), e);
        }
    }

    private void bindRow(PreparedStatement statement, String key, MetadataAwareValue<V> entry) throws SQLException {
        V value = entry.getValue();
        int index = 1;
        statement.setString(index++, key);
        statement.setLong(index++, table.revision().applyAsLong(value));
        long expiresAt = entry.getExpirationTime();
        if (expiresAt == MetadataAwareValue.NO_TIME_SET || expiresAt == Long.MAX_VALUE) {
            statement.setNull(index++, java.sql.Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index++, new Timestamp(expiresAt));
        }
        for (Column<V> column : table.columns()) {
            column.type().bind(statement, index++, column.value().of(key, value));
        }
        bindPayload(statement, index, value);
    }

    @SuppressWarnings("unchecked")
    private void bindPayload(PreparedStatement statement, int index, V value) throws SQLException {
        Payload<V> payload = table.payload();
        if (payload instanceof Payload.Json<V> json) {
            statement.setString(index, json.write(value));
        } else if (payload instanceof Payload.JsonText) {
            statement.setString(index, (String) value);
        } else {
            statement.setBytes(index, (byte[]) value);
        }
    }

    @SuppressWarnings("unchecked")
    private V read(ResultSet row) throws SQLException {
        Payload<V> payload = table.payload();
        if (payload instanceof Payload.Json<V> json) {
            return json.read(row.getString(3));
        } else if (payload instanceof Payload.JsonText) {
            return (V) row.getString(3);
        }
        return (V) row.getBytes(3);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool replaces it, and the batch is retried as a whole.
        }
    }
}
