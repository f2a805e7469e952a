package io.weft.store;

/** Where a cluster keeps what it accepted, beside the grid's memory. */
public enum StoreKind {
    /** Nothing beyond the grid: a restart of every member loses everything. */
    MEMORY,
    /** An embedded SQLite file under the data folder: for one node (the embedded default). */
    FILE,
    /** A PostgreSQL database that every member writes its own partitions' entries to. */
    POSTGRES;

    static StoreKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WEFT_STORE must be memory, file or postgres, got '" + text + "'");
        }
    }
}
