package io.weft.node.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.query.Predicates;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.weft.model.grid.InsertTask;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.node.config.MemberConfigFactory;
import io.weft.node.config.NodeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Weft entry processor's new value is serialised once on a member, however many parts of the
 * member take it, and the processor sees the entry it would see without it.
 */
class SerializeValuesOnceTest {

    private static final String MAP = "serialize-once";
    private static final AtomicInteger WRITES = new AtomicInteger();

    private static HazelcastInstance bound;
    private static HazelcastInstance unbound;

    @BeforeAll
    static void startMembers() {
        String cluster = "serialize-once-" + UUID.randomUUID().toString().substring(0, 8);
        bound = Hazelcast.newHazelcastInstance(config(cluster + "-bound"));
        SerializeValuesOnce.bind(bound);
        // The same configuration, never bound: the control, with Hazelcast's own handling.
        unbound = Hazelcast.newHazelcastInstance(config(cluster + "-unbound"));
    }

    @AfterAll
    static void stopMembers() {
        bound.getLifecycleService().terminate();
        unbound.getLifecycleService().terminate();
    }

    @Test
    void newValueOfAWeftProcessorIsSerialisedOnceThoughIndexesListenersAndTheStoreTakeIt() {
        assertThat(writesPerProcessedPut(unbound)).as("the control: Hazelcast alone serialises it more than once")
                .isGreaterThan(1);
        assertThat(writesPerProcessedPut(bound)).isEqualTo(1);
    }

    @Test
    void processorReadsBackTheValueItSetAsThatValue() {
        IMap<String, Counted> map = bound.getMap(MAP);
        Counted value = new Counted("read-back", "DONE");

        Boolean readBackAsValue = map.executeOnKey("read-back", new SetThenRead(value));

        assertThat(readBackAsValue).isTrue();
        assertThat(map.get("read-back")).isEqualTo(value);
    }

    @Test
    void expiryGivenThroughTheExtendedEntryIsKept() {
        IMap<String, Counted> map = bound.getMap(MAP);

        map.executeOnKey("expiring", new SetWithTtl("expiring", 3_600_000));

        assertThat(map.getEntryView("expiring").getTtl()).isEqualTo(3_600_000);
        assertThat(map.get("expiring")).isEqualTo(new Counted("expiring", "DONE"));
    }

    @Test
    void hazelcastsOwnProcessorsAreLeftToRunAsTheyAre() {
        IMap<String, Counted> map = bound.getMap(MAP);
        map.set("removed-1", new Counted("removed-1", "DONE"));
        map.set("removed-2", new Counted("removed-2", "DONE"));

        // removeAll runs Hazelcast's EntryRemovingProcessor, which needs Hazelcast's own entry type.
        map.removeAll(Predicates.like("name", "removed-%"));

        assertThat(map.containsKey("removed-1")).isFalse();
        assertThat(map.containsKey("removed-2")).isFalse();
    }

    @Test
    void backupOfAProcessedWriteHoldsTheValueWhenItsOwnerDies() {
        HazelcastInstance owner = Hazelcast.newHazelcastInstance(config(bound.getConfig().getClusterName()));
        SerializeValuesOnce.bind(owner);
        try {
            assertThat(bound.getCluster().getMembers()).hasSize(2);
            // Every partition's backup in place before the write, so the kill below loses nothing else.
            await().atMost(Duration.ofSeconds(60)).until(() -> owner.getPartitionService().isClusterSafe());
            String key = keyOwnedBy(owner);
            Counted value = new Counted(key, "DONE");

            Boolean readBack = owner.<String, Counted>getMap(MAP).executeOnKey(key, new SetThenRead(value));
            owner.getLifecycleService().terminate();

            assertThat(readBack).isTrue();
            assertThat(bound.<String, Counted>getMap(MAP).get(key)).as("the backup, promoted").isEqualTo(value);
        } finally {
            owner.getLifecycleService().terminate();
        }
    }

    @Test
    void wrappedProcessorIsSentAsTheProcessorItWraps() {
        SerializationService serialization = ((SerializationServiceSupport) bound).getSerializationService();
        InsertTask insert = new InsertTask(Task.create("t-sent-as-wrapped", "s-sent-as-wrapped",
                TaskSpec.of("echo", "{}"), Instant.now()));

        Object received = serialization.toObject(serialization.toData(new ValueSerializingProcessor<>(insert, serialization)));

        // The receiving member (this one) wraps what it received for itself.
        assertThat(received).isInstanceOf(ValueSerializingProcessor.class);
        assertThat(((ValueSerializingProcessor<?, ?, ?>) received).delegate()).isEqualTo(insert);
    }

    private static String keyOwnedBy(HazelcastInstance member) {
        for (int i = 0; i < 10_000; i++) {
            String key = "owned-" + i;
            if (member.getPartitionService().getPartition(key).getOwner().localMember()) {
                return key;
            }
        }
        throw new IllegalStateException("no key of 10,000 is owned by " + member.getName());
    }

    /** Serialisations of the new value by one processed put on {@code member}'s indexed, listened-to map. */
    private static int writesPerProcessedPut(HazelcastInstance member) {
        IMap<String, Counted> map = member.getMap(MAP);
        EntryUpdatedListener<String, Counted> listener = event -> { };
        UUID registration = map.addLocalEntryListener(listener, Predicates.equal("status", "DONE"), true);
        try {
            String key = "counted-" + UUID.randomUUID();
            map.set(key, new Counted(key, "NEW"));
            WRITES.set(0);
            map.executeOnKey(key, new SetThenRead(new Counted(key, "DONE")));
            return WRITES.get();
        } finally {
            map.removeEntryListener(registration);
        }
    }

    private static Config config(String cluster) {
        Config config = MemberConfigFactory.create(NodeSettings.builder().clusterName(cluster)
                .members(List.of("127.0.0.1")).build(), List.of(new CountedSerializer()));
        config.addMapConfig(new MapConfig(MAP)
                .addIndexConfig(new IndexConfig(IndexType.SORTED, "status"))
                .addIndexConfig(new IndexConfig(IndexType.HASH, "name")));
        return config;
    }

    record Counted(String name, String status) {
    }

    // The processors hold plain fields: an EntryProcessor is Java-serialisable, which a backup needs.
    record SetThenRead(String name, String status) implements EntryProcessor<String, Counted, Boolean> {
        SetThenRead(Counted value) {
            this(value.name(), value.status());
        }

        @Override
        public Boolean process(Map.Entry<String, Counted> entry) {
            Counted value = new Counted(name, status);
            entry.setValue(value);
            // Read as Object: the value the entry holds could be of any type, and must be this one.
            Object read = entry.getValue();
            return read instanceof Counted && read.equals(value);
        }
    }

    record SetWithTtl(String name, long ttlMillis) implements EntryProcessor<String, Counted, Void> {
        @Override
        public Void process(Map.Entry<String, Counted> entry) {
            ((ExtendedMapEntry<String, Counted>) entry).setValue(new Counted(name, "DONE"), ttlMillis, TimeUnit.MILLISECONDS);
            return null;
        }
    }

    /** Counts every serialisation of a {@link Counted}. */
    static final class CountedSerializer implements CompactSerializer<Counted> {
        @Override
        public Counted read(CompactReader in) {
            return new Counted(in.readString("name"), in.readString("status"));
        }

        @Override
        public void write(CompactWriter out, Counted value) {
            WRITES.incrementAndGet();
            out.writeString("name", value.name());
            out.writeString("status", value.status());
        }

        @Override
        public String getTypeName() {
            return "test.counted";
        }

        @Override
        public Class<Counted> getCompactClass() {
            return Counted.class;
        }
    }
}
