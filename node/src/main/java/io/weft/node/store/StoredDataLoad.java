package io.weft.node.store;

import com.hazelcast.core.HazelcastInstance;
import io.weft.store.DurableStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what the store keeps into the grid before the node takes work. Each kept map loads eagerly
 * the first time it is used, and every map operation waits until it has; this touches them all at
 * once, so that the loads run side by side, and says every few seconds how far they are.
 */
public final class StoredDataLoad {

    private static final Logger LOG = LoggerFactory.getLogger(StoredDataLoad.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final DurableStore store;
    private volatile long expected = -1;
    private volatile boolean done;

    public StoredDataLoad(DurableStore store) {
        this.store = store;
    }

    /** Blocks until every kept map is loaded on this member; returns the rows the store held. */
    public long run(HazelcastInstance hazelcast) {
        long started = System.nanoTime();
        expected = store.liveRows();
        LOG.info("loading {} rows from the store before taking work", expected);
        List<String> maps = DurableStore.keptMaps();
        ExecutorService loaders = Executors.newFixedThreadPool(Math.min(maps.size(), 4), runnable -> {
            Thread thread = new Thread(runnable, "weft-store-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<?>[] loads = maps.stream()
                    .map(name -> CompletableFuture.runAsync(() -> hazelcast.getMap(name).size(), loaders))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> all = CompletableFuture.allOf(loads);
            while (!all.isDone()) {
                try {
                    all.get(REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    LOG.info("{}", progress());
                }
            }
            all.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading from the store", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("loading from the store failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            loaders.shutdownNow();
        }
        done = true;
        LOG.info("loaded {} rows from the store in {} ms", store.metrics().rowsLoaded(),
                (System.nanoTime() - started) / 1_000_000);
        return expected;
    }

    /** "loading from the store: n of m rows", while it runs; {@code null} once done. */
    public String progress() {
        if (done) {
            return null;
        }
        return expected < 0 ? "loading from the store: counting its rows"
                : "loading from the store: " + store.metrics().rowsLoaded() + " of " + expected + " rows";
    }
}
