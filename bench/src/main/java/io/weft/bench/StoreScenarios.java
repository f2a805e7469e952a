package io.weft.bench;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import io.weft.client.WeftClient;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import io.weft.store.StoreDatabase;
import io.weft.store.StoreKind;
import io.weft.store.StoreMetrics;
import io.weft.store.StoreSettings;
import io.weft.store.jdbc.TableStore;
import io.weft.store.table.WeftTables;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Echo with a durable store under the grid, beside the same run's in-memory echo: the file store and
 * PostgreSQL, each write-behind (1 s) and write-through; the rows each wrote per second; and the time
 * a node takes to start on a store of stored tasks (loaded, put right, ready). PostgreSQL is the
 * server {@code bin/weft-postgres start} runs, or {@code -Dbench.pg.url}, {@code .user}, {@code .password};
 * each scenario gets a database of its own.
 */
final class StoreScenarios {

    private static final String PG_URL = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:55432/weft");
    private static final String PG_USER = System.getProperty("bench.pg.user", "weft");
    private static final String PG_PASSWORD = System.getProperty("bench.pg.password", "weft");

    private final BenchMain bench;
    private final PrintStream out;
    private final boolean quick;

    StoreScenarios(BenchMain bench, PrintStream out, boolean quick) {
        this.bench = bench;
        this.out = out;
        this.quick = quick;
    }

    /** Returns how many tasks did not succeed. */
    long run(EchoRuns memory, int tasks, int warmUp, int storedTasks) throws Exception {
        for (StoreSettings store : List.of(file(1), file(0), postgres("echo_behind", 1), postgres("echo_through", 0))) {
            echoOn(store, memory, tasks, warmUp);
        }
        restartWith(postgres("restart", 1), storedTasks);
        return 0;
    }

    private void echoOn(StoreSettings store, EchoRuns memory, int tasks, int warmUp) throws Exception {
        String name = "echo-" + store.kind().name().toLowerCase(Locale.ROOT) + (store.writeThrough() ? "-through" : "-behind");
        WeftNode node = WeftNode.start(settings(store));
        try (WeftClient client = WeftClient.embedded(node.hazelcast())) {
            double rowsBefore = rowsWritten(node);
            long started = System.nanoTime();
            EchoRuns runs = bench.echoRuns(client, name, tasks, warmUp);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("%-16s %.2f of echo-embedded (%,.0f tasks/s, same run); the store wrote %,.0f rows/s while it ran%n",
                    "", runs.throughput().median() / memory.throughput().median(), memory.throughput().median(),
                    (rowsWritten(node) - rowsBefore) / seconds);
        } finally {
            node.shutdown();
        }
    }

    /** Writes {@code count} SCHEDULED tasks straight into the store, then times a node's start on it. */
    private void restartWith(StoreSettings store, int count) throws Exception {
        Instant now = Instant.now();
        TaskOptions later = TaskOptions.builder().delay(Duration.ofHours(1)).build();
        try (StoreDatabase database = StoreDatabase.open(store)) {
            Clock clock = Clock.systemUTC();
            TableStore<Task> rows = new TableStore<>(WeftTables.TASKS, database.dataSource(), clock, new StoreMetrics(clock));
            Map<String, MetadataAwareValue<Task>> batch = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String id = "t-" + UUID.randomUUID().toString().replace("-", "");
                batch.put(id, new MetadataAwareValue<>(Task.create(id, "s-bench", TaskSpec.of("echo", "{\"i\":" + i + "}")
                        .withOptions(later), now)));
                if (batch.size() == 5_000 || i == count - 1) {
                    rows.storeAll(batch);
                    batch.clear();
                }
            }
        }
        long started = System.nanoTime();
        WeftNode node = WeftNode.start(settings(store));
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            out.printf("store-restart    a node started on PostgreSQL holding %,d stored tasks: ready in %.1f s "
                    + "(load, put right, scheduler job), %,.0f tasks/s loaded%n", count, seconds, count / seconds);
        } finally {
            node.shutdown();
        }
    }

    private NodeSettings settings(StoreSettings store) {
        return NodeSettings.builder().clusterName("bench-store-" + UUID.randomUUID().toString().substring(0, 8))
                .members(List.of("127.0.0.1")).metricsPort(0).slots(Map.of("echo", BenchMain.ECHO_SLOTS)).store(store)
                .build();
    }

    private static double rowsWritten(WeftNode node) {
        Double rows = node.metrics().registry().getSampleValue("weft_store_rows_written_total", new String[] {"table"},
                new String[] {"tasks"});
        return rows == null ? 0 : rows;
    }

    private static StoreSettings file(int writeDelaySeconds) throws Exception {
        return new StoreSettings(StoreKind.FILE, null, null, null, writeDelaySeconds, StoreSettings.DEFAULT_WRITE_BATCH_SIZE,
                Files.createTempDirectory("weft-bench-store"));
    }

    private static StoreSettings postgres(String purpose, int writeDelaySeconds) throws SQLException {
        String database = "weft_bench_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new StoreSettings(StoreKind.POSTGRES, PG_URL.substring(0, PG_URL.lastIndexOf('/') + 1) + database, PG_USER,
                PG_PASSWORD, writeDelaySeconds, StoreSettings.DEFAULT_WRITE_BATCH_SIZE, (Path) null);
    }
}
