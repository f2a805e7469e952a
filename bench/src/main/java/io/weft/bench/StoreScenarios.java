package io.weft.bench;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

/**
 * Echo with a durable store under the grid, beside the same run's in-memory echo: the file store and
 * PostgreSQL, each write-behind (1 s) and write-through; the rows each wrote per second; and the time
 * a node takes to start on a store of stored tasks (loaded, put right, ready). PostgreSQL is the
 * server {@code bin/weft-postgres start} runs, or {@code -Dbench.pg.url}, {@code .user}, {@code .password}
 * (else the test suite's {@code WEFT_TEST_PG_*}, which CI sets); each scenario gets a database of its own.
 */
final class StoreScenarios {

    private static final String PG_URL = setting("bench.pg.url", "WEFT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:55432/weft");
    private static final String PG_USER = setting("bench.pg.user", "WEFT_TEST_PG_USER", "weft");
    private static final String PG_PASSWORD = setting("bench.pg.password", "WEFT_TEST_PG_PASSWORD", "weft");

    /** JobRunr's shortest poll interval on a SQL storage. */
    private static final Duration JOBRUNR_SQL_POLL = Duration.ofSeconds(5);

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
        echoOn(file(1), memory, tasks, warmUp);
        echoOn(file(0), memory, tasks, warmUp);
        echoOn(postgres("echo_behind", 1), memory, tasks, warmUp);
        EchoRuns through = echoOn(postgres("echo_through", 0), memory, tasks, warmUp);
        peers(through);
        restartWith(postgres("restart", 1), storedTasks);
        return 0;
    }

    /** db-scheduler and JobRunr on the same PostgreSQL, on the work of Weft's write-through run. */
    private void peers(EchoRuns weft) throws Exception {
        List<Double> dbScheduler = new ArrayList<>();
        for (int i = 0; i < BenchMain.REPEATS; i++) {
            try (HikariDataSource pool = pool(postgres("db_scheduler", 0))) {
                dbScheduler.add(DbSchedulerPeer.run(pool, weft.tasks()));
            }
        }
        // One run: JobRunr polls a SQL storage every 5 s at the most often, and is far the slowest here.
        double runr;
        try (HikariDataSource pool = pool(postgres("jobrunr", 0))) {
            runr = JobRunrPeer.run(64, weft.tasks(), new PostgresStorageProvider(pool), JOBRUNR_SQL_POLL).jobsPerSecond();
        }
        Stats scheduler = Stats.of(dbScheduler);
        out.printf("db-scheduler-pg  %,d no-op executions, db-scheduler 16.7.1, lock-and-fetch, %d threads, PostgreSQL: "
                + "%s executions/s%n", weft.tasks(), DbSchedulerPeer.THREADS, scheduler.format("%,.0f"));
        out.printf("jobrunr-pg       %,d no-op jobs, JobRunr 8.7.0 on PostgreSQL, 64 workers, poll %s, one run: %s jobs/s%n",
                weft.tasks(), JOBRUNR_SQL_POLL, String.format("%,.0f", runr));
        out.printf("ratio-store      Weft %s %,.0f tasks/s ÷ db-scheduler %,.0f = %.1f×; ÷ JobRunr on PostgreSQL %,.0f = %.1f× "
                        + "(medians, same run)%n", weft.name(), weft.throughput().median(), scheduler.median(),
                weft.throughput().median() / scheduler.median(), runr, weft.throughput().median() / runr);
    }

    private static HikariDataSource pool(StoreSettings store) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(store.url());
        config.setUsername(store.user());
        config.setPassword(store.password());
        config.setMaximumPoolSize(DbSchedulerPeer.THREADS + 8);
        return new HikariDataSource(config);
    }

    /** Write-through runs a fifth of the tasks: each of a task's writes waits for its commit. */
    private EchoRuns echoOn(StoreSettings store, EchoRuns memory, int behindTasks, int warmUp) throws Exception {
        int tasks = store.writeThrough() ? behindTasks / 5 : behindTasks;
        String name = "echo-" + store.kind().name().toLowerCase(Locale.ROOT) + (store.writeThrough() ? "-through" : "-behind");
        WeftNode node = WeftNode.start(settings(store));
        try (WeftClient client = WeftClient.embedded(node.hazelcast())) {
            double rowsBefore = rowsWritten(node);
            long started = System.nanoTime();
            EchoRuns runs = bench.echoRuns(client, name, tasks, Math.min(warmUp, tasks / 2));
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("%-16s %.2f of echo-embedded (%,.0f tasks/s, same run); the store wrote %,.0f rows/s while it ran%n",
                    "", runs.throughput().median() / memory.throughput().median(), memory.throughput().median(),
                    (rowsWritten(node) - rowsBefore) / seconds);
            return runs;
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

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
