package io.weft.store;

import static io.weft.store.testing.Entries.T0;
import static io.weft.store.testing.Entries.aQueuedTask;
import static io.weft.store.testing.Entries.aRunningTask;
import static io.weft.store.testing.Entries.aSucceededTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import io.weft.model.grid.SubtaskLink;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.logs.LogLine;
import io.weft.model.logs.TaskLog;
import io.weft.model.result.ResultMeta;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.task.InputTally;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.store.jdbc.ExpiredRowSweep;
import io.weft.store.jdbc.TableStore;
import io.weft.store.json.StoredJson;
import io.weft.store.table.Table;
import io.weft.store.table.WeftTables;
import io.weft.store.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each table's store against a real SQLite file and a real PostgreSQL database. */
class TableStoreTest {

    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private StoreDatabase database;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("file"), Arguments.of("postgres"));
    }

    private StoreDatabase open(String kind) {
        database = StoreDatabase.open(kind.equals("file")
                ? TestStores.file(dir.resolve("file-" + System.nanoTime()), 0)
                : TestStores.postgres("table_store", 0));
        return database;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private <V> TableStore<V> store(Table<V> table) {
        return new TableStore<>(table, database.dataSource(), CLOCK, new StoreMetrics(CLOCK));
    }

    private static <V> MetadataAwareValue<V> forever(V value) {
        return new MetadataAwareValue<>(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyKindOfEntryComesBackAsItWasStored(String kind) throws Exception {
        open(kind);
        Task task = aSucceededTask("t-1");
        roundTrip(WeftTables.TASKS, "t-1", task);
        roundTrip(WeftTables.RESULTS, "r-1", ResultMeta.created("r-1", "s-1", "in.bin", "application/octet-stream",
                "t-1", T0, T0.plusSeconds(3600)));
        roundTrip(WeftTables.INPUT_TALLIES, "t-2", InputTally.allPending("s-1", 3).ready(1, "r-2", 10));
        roundTrip(WeftTables.SUBTASK_LINKS, "t-3", new SubtaskLink("t-1", "s-1"));
        roundTrip(WeftTables.SESSION_WRITTEN_BYTES, "s-1", 5_242_880L);
        roundTrip(WeftTables.SCHEDULES, "sch-1", Schedule.create("sch-1",
                ScheduleSpec.cron("s-1", "0 */5 * * * *", "Europe/Rome", TaskSpec.of("echo", "{}")), T0));
        roundTrip(WeftTables.TASK_LOGS, "t-1", TaskLog.empty("t-1", "s-1")
                .append(List.of(new LogLine(1, T0, 1, "hello"), new LogLine(2, T0, 1, "world")), 1000));
        roundTrip(WeftTables.HOOK_DELIVERIES, "d-1", HookDelivery.create("h-1", "e-1", HookEvent.values()[0], "s-1",
                "t-1", "{\"event\": 1}", T0));
        // jsonb keeps the document, not its spacing.
        String key = "{\"name\":\"ci\",\"scopes\":[\"submit\"],\"sha256\":\"ab\"}";
        TableStore<String> keys = store(WeftTables.API_KEYS);
        keys.store("k-1", forever(key));
        assertThat(StoredJson.MAPPER.readTree(keys.loadAll(List.of("k-1")).get("k-1").getValue()))
                .isEqualTo(StoredJson.MAPPER.readTree(key));
        roundTrip(WeftTables.SESSION_OWNERS, "s-1", "k-1");
        roundTrip(WeftTables.RUN_SESSIONS, "k-1", "s-9");
        byte[] chunk = new byte[1 << 20];
        chunk[7] = 42;
        TableStore<byte[]> chunks = store(WeftTables.CHUNKS);
        chunks.storeAll(Map.of("r-1#0", forever(chunk)));
        assertThat(chunks.loadAll(List.of("r-1#0")).get("r-1#0").getValue()).isEqualTo(chunk);
    }

    private <V> void roundTrip(Table<V> table, String key, V value) {
        TableStore<V> store = store(table);
        store.storeAll(Map.of(key, forever(value)));
        assertThat(store.loadAllKeys()).containsExactly(key);
        assertThat(store.loadAll(List.of(key, "absent")).get(key).getValue()).as(table.name()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anOlderStateNeverReplacesANewerRow(String kind) {
        open(kind);
        TableStore<Task> tasks = store(WeftTables.TASKS);
        tasks.store("t-1", forever(aSucceededTask("t-1")));
        tasks.store("t-1", forever(aQueuedTask("t-1")));
        tasks.store("t-1", forever(aRunningTask("t-1")));
        assertThat(tasks.loadAll(List.of("t-1")).get("t-1").getValue()).isEqualTo(aSucceededTask("t-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRowKeepsItsExpiryAndIsNeitherLoadedNorKeptOnceItPasses(String kind) throws Exception {
        open(kind);
        TableStore<ResultMeta> results = store(WeftTables.RESULTS);
        Instant now = CLOCK.instant();
        ResultMeta live = ResultMeta.created("r-live", "s-1", "a", "text/plain", null, T0, now.plusSeconds(60));
        ResultMeta expired = ResultMeta.created("r-old", "s-1", "b", "text/plain", null, T0, now.minusSeconds(1));
        results.storeAll(Map.of("r-live", new MetadataAwareValue<>(live, now.plusSeconds(60).toEpochMilli()),
                "r-old", new MetadataAwareValue<>(expired, now.minusSeconds(1).toEpochMilli())));

        assertThat(results.loadAllKeys()).containsExactly("r-live");
        Map<String, MetadataAwareValue<ResultMeta>> loaded = results.loadAll(List.of("r-live", "r-old"));
        assertThat(loaded).containsOnlyKeys("r-live");
        assertThat(loaded.get("r-live").getExpirationTime()).isEqualTo(now.plusSeconds(60).toEpochMilli());

        int deleted = new ExpiredRowSweep(database.dataSource(), List.of(WeftTables.RESULTS), CLOCK).sweep();
        assertThat(deleted).isEqualTo(1);
        assertThat(rowCount("results")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void deletedRowsAreGone(String kind) throws Exception {
        open(kind);
        TableStore<Task> tasks = store(WeftTables.TASKS);
        tasks.storeAll(Map.of("t-1", forever(aQueuedTask("t-1")), "t-2", forever(aQueuedTask("t-2"))));
        tasks.deleteAll(List.of("t-1"));
        assertThat(tasks.loadAllKeys()).containsExactly("t-2");
        assertThat(rowCount("tasks")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anOperatorCanQueryATasksColumns(String kind) throws Exception {
        open(kind);
        store(WeftTables.TASKS).store("t-1", forever(aRunningTask("t-1")));
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT session_id, type, status, attempt, worker FROM tasks")) {
            assertThat(row.next()).isTrue();
            assertThat(List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)))
                    .containsExactly("s-1", "echo", "RUNNING", "1", "member-1");
        }
    }

    private long rowCount(String table) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
