package io.weft.store;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import io.weft.store.jdbc.ExpiredRowSweep;
import io.weft.store.jdbc.TableStore;
import io.weft.store.table.Table;
import io.weft.store.table.WeftTables;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid's maps kept in a database: opens it, gives each of Weft's maps its {@link TableStore}, and
 * offers what a node needs around them (the rows to load at start, the expired-row sweep, the flush
 * before a graceful stop).
 *
 * <p>Each map loads eagerly (a member serves it only once every row is in memory), writes through or
 * behind as {@link StoreSettings#writeDelaySeconds()} says, coalesces the changes of a key that wait
 * in a write-behind queue into the latest, and runs its store calls on Hazelcast's offloaded
 * map-store threads, never on a partition thread.
 */
public final class DurableStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);
    /** The tables whose rows expire, each with an index on expires_at for the sweep. */
    private static final List<Table<?>> EXPIRING = List.of(WeftTables.RESULTS, WeftTables.CHUNKS, WeftTables.HOOK_DELIVERIES);

    private final StoreDatabase database;
    private final StoreMetrics metrics;
    private final Clock clock;

    private DurableStore(StoreDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.metrics = new StoreMetrics(clock);
    }

    /** Connects to the store and migrates its schema; see {@link StoreDatabase#open}. */
    public static DurableStore open(StoreSettings settings, Clock clock) {
        return new DurableStore(StoreDatabase.open(settings), clock);
    }

    /** Gives every kept map its store, over whatever the configuration already says of the map. */
    public void configure(Config config) {
        StoreSettings settings = database.settings();
        for (Table<?> table : WeftTables.ALL) {
            MapConfig map = config.getMapConfig(table.map());
            map.setMapStoreConfig(new MapStoreConfig()
                    .setEnabled(true)
                    .setImplementation(new TableStore<>(table, database.dataSource(), clock, metrics))
                    .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER)
                    .setWriteDelaySeconds(settings.writeDelaySeconds())
                    .setWriteBatchSize(settings.writeBatchSize())
                    .setWriteCoalescing(true)
                    .setOffload(true));
        }
    }

    /** The names of the maps this store keeps. */
    public static List<String> keptMaps() {
        return WeftTables.ALL.stream().map(Table::map).toList();
    }

    /** How many live rows the store holds, all tables: what a cluster starting on it loads. */
    public long liveRows() {
        long total = 0;
        for (Table<?> table : WeftTables.ALL) {
            total += new TableStore<>(table, database.dataSource(), clock, metrics).liveRows();
        }
        return total;
    }

    /** The live keys the store holds for grid map {@code map}. */
    public Iterable<String> liveKeys(String map) {
        Table<?> table = WeftTables.ALL.stream().filter(t -> t.map().equals(map)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(map + " is not kept in the store"));
        return new TableStore<>(table, database.dataSource(), clock, metrics).loadAllKeys();
    }

    /** Deletes expired rows; run it now and then (every member may, it is idempotent). */
    public ExpiredRowSweep expiredRowSweep() {
        return new ExpiredRowSweep(database.dataSource(), EXPIRING, clock);
    }

    /**
     * Writes every change still waiting in this member's write-behind queues, before it leaves: a
     * graceful stop of the whole cluster then loses nothing.
     */
    public void flush(HazelcastInstance member) {
        if (database.settings().writeThrough()) {
            return;
        }
        long started = System.nanoTime();
        for (String map : keptMaps()) {
            try {
                member.getMap(map).flush();
            } catch (RuntimeException e) {
                LOG.error("flushing map {} to the store before leaving failed: {}", map, e.getMessage());
            }
        }
        LOG.info("flushed the write-behind queues to the store in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    public StoreMetrics metrics() {
        return metrics;
    }

    public StoreSettings settings() {
        return database.settings();
    }

    @Override
    public void close() {
        database.close();
    }
}
