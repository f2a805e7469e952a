package io.weft.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database under the grid: a connection pool, with the schema brought up to date by Flyway's
 * versioned scripts ({@code db/migration} in this jar) before anything is read or written. One script
 * serves both databases; its placeholders name each one's types for JSON, bytes and times.
 */
public final class StoreDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);
    /** How long a store call waits for a connection: a database that is away fails a batch in seconds, not minutes. */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    private final StoreSettings settings;
    private final HikariDataSource pool;

    private StoreDatabase(StoreSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Connects and migrates. A store that cannot be reached, refuses the credentials or lacks the
     * database fails here with one {@link StoreUnavailableException} naming the URL (never the password).
     */
    public static StoreDatabase open(StoreSettings settings) {
        if (!settings.durable()) {
            throw new IllegalArgumentException("a memory store has no database");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to the store " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .placeholders(Map.of("json", settings.kind() == StoreKind.POSTGRES ? "jsonb" : "TEXT",
                            "bytes", settings.kind() == StoreKind.POSTGRES ? "bytea" : "BLOB",
                            "time", settings.kind() == StoreKind.POSTGRES ? "timestamptz" : "INTEGER"))
                    .load().migrate();
            LOG.info("store schema up to date ({} migrations applied now)", result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreUnavailableException("cannot set up the schema of the store " + settings.safeUrl() + ": "
                    + rootMessage(e), e);
        }
        return new StoreDatabase(settings, pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setPoolName("weft-store");
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        if (settings.kind() == StoreKind.POSTGRES) {
            // A JSON document is bound as a string and typed by the column it goes to (jsonb), and a
            // batch of upserts is sent as multi-row statements.
            config.addDataSourceProperty("stringtype", "unspecified");
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.setMaximumPoolSize(8);
        } else {
            createParent(settings.dataDir());
            // One writer at a time, readers beside it (WAL); a writer waits for its turn rather than failing.
            // Write-through syncs each commit to disk; write-behind's commits survive a crash of the process
            // (not of the machine's power), which is what its delay already allows to lose.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("synchronous", settings.writeThrough() ? "FULL" : "NORMAL");
            config.setMaximumPoolSize(4);
        }
        return config;
    }

    private static void createParent(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
