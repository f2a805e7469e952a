package io.weft.node.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.ManagedContext;
import com.hazelcast.core.Offloadable;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.spi.impl.SerializationServiceSupport;

/**
 * Serialises the value one of Weft's entry processors sets once, for every part of the member that
 * takes it.
 *
 * <p>Why: Hazelcast hands a processor's new value, as the object it was given, to the record store,
 * to each index, to the JSON metadata check and to event publication, and each serialises it on its
 * own: four serialisations of the task per write, measured at a fifth of the partition threads' time
 * in the echo benchmark (docs/benchmarks.md, item 12). Given the serialised value instead, each of them
 * takes it as it is. The value stored, the events, the indexes and the backups are the same.
 *
 * <p>How: Hazelcast passes every entry processor it is about to run through the member's
 * {@link ManagedContext}; this one wraps Weft's own ({@code io.weft.*}, neither {@link ReadOnly} nor
 * {@link Offloadable}, whose markers a wrapper would hide) in a {@link ValueSerializingProcessor}.
 * Hazelcast's own processors rely on their entry's internal type and are left alone, as are all
 * processors until {@link #bind} gives this the member's serialisation service. It assumes the BINARY
 * in-memory format (the default, which Weft's maps use): an OBJECT map would store the value serialised.
 * Hazelcast also passes every value it deserialises through the context, so a Weft processor held in a
 * field of another grid value would be read back wrapped; none is.
 */
public final class SerializeValuesOnce implements ManagedContext {

    private static final String WEFT_PACKAGE = "io.weft.";
    // Asked for every processor run, so answered once per class.
    private static final ClassValue<Boolean> WRAPPED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getName().startsWith(WEFT_PACKAGE)
                    && !ValueSerializingProcessor.class.equals(type)
                    && !ReadOnly.class.isAssignableFrom(type)
                    && !Offloadable.class.isAssignableFrom(type);
        }
    };

    private final ManagedContext next;
    private volatile SerializationService serialization;

    private SerializeValuesOnce(ManagedContext next) {
        this.next = next;
    }

    /** Installs it in a member's {@code config}, after any context the config already has. */
    public static void installIn(Config config) {
        config.setManagedContext(new SerializeValuesOnce(config.getManagedContext()));
        config.getSerializationConfig().addSerializerConfig(new SerializerConfig()
                .setTypeClass(ValueSerializingProcessor.class)
                .setImplementation(new ValueSerializingProcessor.SentAsWrapped()));
    }

    /** Starts wrapping on a member whose config it was installed in; a member without it is left as it is. */
    public static void bind(HazelcastInstance member) {
        if (member.getConfig().getManagedContext() instanceof SerializeValuesOnce context) {
            context.serialization = ((SerializationServiceSupport) member).getSerializationService();
        }
    }

    @Override
    public Object initialize(Object object) {
        Object initialized = next == null ? object : next.initialize(object);
        SerializationService bound = serialization;
        if (bound != null && initialized instanceof EntryProcessor<?, ?, ?> processor
                && WRAPPED.get(processor.getClass())) {
            return new ValueSerializingProcessor<>(processor, bound);
        }
        return initialized;
    }
}
