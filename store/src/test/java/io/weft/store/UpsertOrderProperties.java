package io.weft.store;

import static io.weft.store.testing.Entries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.store.jdbc.TableStore;
import io.weft.store.table.WeftTables;
import io.weft.store.testing.Entries;
import io.weft.store.testing.TestStores;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * However write-behind orders and repeats the stores of one task's states (a batch retried after a
 * newer one, a queue replayed after a migration, single rows and batches mixed), the row ends as the
 * latest state, on both stores.
 */
class UpsertOrderProperties {

    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    /** One task's life: queued, running, failed and retried, running again, succeeded. */
    private static final List<Task> LIFE = life();

    private static StoreDatabase file;
    private static StoreDatabase postgres;
    private static int taskNumber;

    @BeforeContainer
    static void open() throws Exception {
        file = StoreDatabase.open(TestStores.file(Files.createTempDirectory("weft-upsert"), 0));
        postgres = StoreDatabase.open(TestStores.postgres("upsert_order", 0));
    }

    @AfterContainer
    static void close() {
        file.close();
        postgres.close();
    }

    @Property(tries = 200)
    void theRowEndsAsTheLatestStateWhateverTheOrderOfStores(@ForAll("interleavings") List<List<Integer>> batches,
                                                            @ForAll boolean onPostgres) {
        StoreDatabase database = onPostgres ? postgres : file;
        TableStore<Task> tasks = new TableStore<>(WeftTables.TASKS, database.dataSource(), CLOCK, new StoreMetrics(CLOCK));
        String id = "t-" + (++taskNumber);
        int latest = -1;
        for (List<Integer> batch : batches) {
            for (int state : batch) {
                // A batch holds one state per key (coalescing); several batches may carry any state.
                tasks.storeAll(Map.of(id, new MetadataAwareValue<>(withId(LIFE.get(state), id))));
                latest = Math.max(latest, state);
            }
        }
        assertThat(tasks.loadAll(List.of(id)).get(id).getValue()).isEqualTo(withId(LIFE.get(latest), id));
    }

    @Provide
    Arbitrary<List<List<Integer>>> interleavings() {
        return Arbitraries.integers().between(0, LIFE.size() - 1).list().ofMinSize(1).ofMaxSize(3)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    private static Task withId(Task task, String id) {
        return new Task(id, task.sessionId(), task.spec(), task.status(), task.attempt(), task.failures(), task.worker(),
                task.dueAt(), task.inputs(), task.output(), task.error(), task.history());
    }

    private static List<Task> life() {
        List<Task> life = new ArrayList<>();
        Task task = Entries.aQueuedTask("t");
        life.add(task);
        life.add(task = task.claim("m-1", T0.plusMillis(1)));
        life.add(task = task.failAttempt(TaskError.of(ErrorType.HANDLER_ERROR, "boom"), T0.plusMillis(2), T0.plusMillis(3)));
        life.add(task = task.promote(T0.plusMillis(3)));
        life.add(task = task.claim("m-2", T0.plusMillis(4)));
        life.add(task.succeed("{\"ok\": true}", T0.plusMillis(5)));
        return life;
    }
}
