package io.weft.store;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Summary;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the store did, as {@code weft_store_*} metrics, and the health it implies: degraded while the
 * last write failed and none has succeeded since.
 */
public final class StoreMetrics {

    private final Clock clock;
    private final Counter rows = Counter.build("weft_store_rows_written_total",
            "Rows the store wrote or deleted, by table.").labelNames("table").create();
    private final Counter failures = Counter.build("weft_store_write_failures_total",
            "Store batches that failed (each is retried), by table.").labelNames("table").create();
    private final Summary batches = Summary.build("weft_store_batch_seconds",
            "Time to write one batch of rows in one transaction, by table.").labelNames("table")
            .quantile(0.5, 0.05).quantile(0.99, 0.01).create();
    private final Counter loaded = Counter.build("weft_store_rows_loaded_total",
            "Rows loaded from the store into the grid, by table.").labelNames("table").create();
    private final Gauge lastSuccess = Gauge.build("weft_store_last_success_timestamp_seconds",
            "When a store batch last succeeded (Unix time).").create();
    private final AtomicLong rowsLoaded = new AtomicLong();
    private final AtomicLong lastSuccessMillis = new AtomicLong();
    private final AtomicLong lastFailureMillis = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public StoreMetrics(Clock clock) {
        this.clock = clock;
    }

    public void register(CollectorRegistry registry) {
        registry.register(rows);
        registry.register(failures);
        registry.register(batches);
        registry.register(loaded);
        registry.register(lastSuccess);
    }

    public void written(String table, int count, long nanos) {
        rows.labels(table).inc(count);
        batches.labels(table).observe(nanos / 1e9);
        long now = clock.millis();
        lastSuccessMillis.set(now);
        lastSuccess.set(now / 1000.0);
    }

    public void writeFailed(String table, Exception cause) {
        failures.labels(table).inc();
        lastFailureMillis.set(clock.millis());
        lastError.set(table + ": " + StoreDatabase.rootMessage(cause));
    }

    public void loaded(String table, int count) {
        loaded.labels(table).inc(count);
        rowsLoaded.addAndGet(count);
    }

    /** Rows loaded into this member so far, all tables. */
    public long rowsLoaded() {
        return rowsLoaded.get();
    }

    /** Why the store is degraded, or {@code null} while its last write succeeded. */
    public String degradedBecause() {
        long failed = lastFailureMillis.get();
        return failed > 0 && failed >= lastSuccessMillis.get() ? "the last store write failed: " + lastError.get() : null;
    }
}
