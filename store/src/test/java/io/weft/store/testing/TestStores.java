package io.weft.store.testing;

import io.weft.store.StoreKind;
import io.weft.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Real stores for tests: a new SQLite file in a folder, or a new database on a real PostgreSQL server.
 *
 * <p>The server is {@code WEFT_TEST_PG_URL} (a JDBC URL of a database the user may connect to),
 * {@code WEFT_TEST_PG_USER} and {@code WEFT_TEST_PG_PASSWORD}; unset, the server {@code bin/weft-postgres
 * start} runs (127.0.0.1:55432, weft/weft). Each call creates a database of its own on it, so test
 * classes never see each other's rows. Without a server a PostgreSQL test is skipped, except under
 * {@code CI=true}, where it fails: CI starts one.
 */
public final class TestStores {

    private static final String URL = env("WEFT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:55432/weft");
    private static final String USER = env("WEFT_TEST_PG_USER", "weft");
    private static final String PASSWORD = env("WEFT_TEST_PG_PASSWORD", "weft");

    private TestStores() {
    }

    public static StoreSettings file(Path dir, int writeDelaySeconds) {
        return new StoreSettings(StoreKind.FILE, null, null, null, writeDelaySeconds, StoreSettings.DEFAULT_WRITE_BATCH_SIZE, dir);
    }

    /** A new, empty database on the test server, named after {@code purpose}. */
    public static StoreSettings postgres(String purpose, int writeDelaySeconds) {
        String database = ("weft_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            String why = "no PostgreSQL for tests at " + URL + " (" + e.getMessage() + "); run bin/weft-postgres start";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why, e);
            }
            Assumptions.abort(why);
        }
        return postgresAt(URL.substring(0, URL.lastIndexOf('/') + 1) + database, USER, PASSWORD, writeDelaySeconds);
    }

    public static StoreSettings postgresAt(String url, String user, String password, int writeDelaySeconds) {
        return new StoreSettings(StoreKind.POSTGRES, url, user, password, writeDelaySeconds,
                StoreSettings.DEFAULT_WRITE_BATCH_SIZE, null);
    }

    /** The test server's base URL, user and password, for tests that build settings of their own. */
    public static String serverUrl() {
        return URL;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
