package io.weft.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How a node keeps its data durable. Immutable; {@link #fromEnvironment} reads the {@code WEFT_STORE*}
 * variables and states every default.
 *
 * @param kind              {@code WEFT_STORE}: memory, file or postgres; unset, {@code file} for a lone node
 *                          (no member list, or one entry) and {@code memory} for a member of a larger list
 * @param url               {@code WEFT_STORE_URL}, a JDBC URL; for {@code file}, unset means
 *                          {@code jdbc:sqlite:<dataDir>/weft.db}; for {@code postgres} it is required
 * @param user              {@code WEFT_STORE_USER}
 * @param password          {@code WEFT_STORE_PASSWORD}, or the first line of the file {@code WEFT_STORE_PASSWORD_FILE}
 * @param writeDelaySeconds {@code WEFT_STORE_WRITE_DELAY}: 0 is write-through (a call returns once its rows
 *                          are committed); above 0, write-behind with that delay. Default
 *                          {@value #DEFAULT_WRITE_DELAY_SECONDS}
 * @param writeBatchSize    {@code WEFT_STORE_BATCH}: the most rows one write-behind transaction takes; default
 *                          {@value #DEFAULT_WRITE_BATCH_SIZE}
 * @param dataDir           {@code WEFT_DATA_DIR}, default {@code ./weft-data}
 */
public record StoreSettings(StoreKind kind, String url, String user, String password, int writeDelaySeconds,
                            int writeBatchSize, Path dataDir) {

    public static final int DEFAULT_WRITE_DELAY_SECONDS = 1;
    public static final int DEFAULT_WRITE_BATCH_SIZE = 1_000;
    public static final Path DEFAULT_DATA_DIR = Path.of("weft-data");
    /** No store: what every test and a program that embeds a node get unless they ask for one. */
    public static final StoreSettings MEMORY = new StoreSettings(StoreKind.MEMORY, null, null, null,
            DEFAULT_WRITE_DELAY_SECONDS, DEFAULT_WRITE_BATCH_SIZE, DEFAULT_DATA_DIR);

    public StoreSettings {
        if (kind == null) {
            throw new IllegalArgumentException("WEFT_STORE must be memory, file or postgres");
        }
        if (writeDelaySeconds < 0 || writeDelaySeconds > 3_600) {
            throw new IllegalArgumentException("WEFT_STORE_WRITE_DELAY must be 0-3600 seconds, got " + writeDelaySeconds);
        }
        if (writeBatchSize < 1 || writeBatchSize > 100_000) {
            throw new IllegalArgumentException("WEFT_STORE_BATCH must be 1-100000, got " + writeBatchSize);
        }
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        if (kind == StoreKind.FILE && (url == null || url.isBlank())) {
            url = "jdbc:sqlite:" + dataDir.resolve("weft.db");
        }
        if (kind == StoreKind.POSTGRES && (url == null || !url.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("WEFT_STORE=postgres needs WEFT_STORE_URL=jdbc:postgresql://host:port/db, got "
                    + (url == null ? "nothing" : "'" + redact(url) + "'"));
        }
        if (kind == StoreKind.FILE && !url.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("WEFT_STORE=file needs a jdbc:sqlite: URL, got '" + redact(url) + "'");
        }
    }

    /**
     * Reads the variables. {@code loneNode} says whether this node is meant to run alone (the embedded
     * default, or a member list of at most one): it then keeps its data in a file unless told otherwise.
     */
    public static StoreSettings fromEnvironment(Map<String, String> env, boolean loneNode) {
        String kindText = env.get("WEFT_STORE");
        StoreKind kind = kindText == null || kindText.isBlank() ? (loneNode ? StoreKind.FILE : StoreKind.MEMORY)
                : StoreKind.parse(kindText);
        String dir = env.get("WEFT_DATA_DIR");
        return new StoreSettings(kind, blankToNull(env.get("WEFT_STORE_URL")), blankToNull(env.get("WEFT_STORE_USER")),
                password(env), intVar(env, "WEFT_STORE_WRITE_DELAY", DEFAULT_WRITE_DELAY_SECONDS),
                intVar(env, "WEFT_STORE_BATCH", DEFAULT_WRITE_BATCH_SIZE),
                dir == null || dir.isBlank() ? DEFAULT_DATA_DIR : Path.of(dir.trim()));
    }

    public boolean durable() {
        return kind != StoreKind.MEMORY;
    }

    public boolean writeThrough() {
        return writeDelaySeconds == 0;
    }

    /** The URL with any password in it left out, for logs and errors. */
    public String safeUrl() {
        return url == null ? "none" : redact(url);
    }

    /** One line for the log at start: which store, and what a crash of every member at once would lose. */
    public String describe() {
        return switch (kind) {
            case MEMORY -> "store: memory only; a restart or crash of every member loses every session, task, "
                    + "result, schedule and key (set WEFT_STORE=file or postgres to keep them)";
            case FILE, POSTGRES -> "store: " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + safeUrl() + ", "
                    + (writeThrough() ? "write-through; a crash of every member at once loses nothing acknowledged"
                    : "write-behind " + writeDelaySeconds + " s; a graceful stop loses nothing, a crash of every member "
                    + "at once loses at most the last " + writeDelaySeconds + " s of changes");
        };
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    private static String password(Map<String, String> env) {
        String file = blankToNull(env.get("WEFT_STORE_PASSWORD_FILE"));
        if (file == null) {
            return blankToNull(env.get("WEFT_STORE_PASSWORD"));
        }
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WEFT_STORE_PASSWORD_FILE " + file, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
