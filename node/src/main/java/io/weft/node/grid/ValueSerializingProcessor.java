package io.weft.node.grid;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * Runs {@code delegate} on an entry whose new value is stored serialised ({@link ValueSerializingEntry}),
 * see {@link SerializeValuesOnce}. Its backups run the delegate's own backup processor.
 */
record ValueSerializingProcessor<K, V, R>(EntryProcessor<K, V, R> delegate, SerializationService serialization)
        implements EntryProcessor<K, V, R> {

    /** Weft's type id for it on the wire; Hazelcast's custom serializers take ids above zero. */
    static final int TYPE_ID = 0x5745_4654;

    @Override
    public R process(Map.Entry<K, V> entry) {
        // Hazelcast gives map entry processors its ExtendedMapEntry; any other entry is left as it is.
        return entry instanceof ExtendedMapEntry<K, V> extended
                ? delegate.process(new ValueSerializingEntry<>(extended, serialization))
                : delegate.process(entry);
    }

    @Override
    public EntryProcessor<K, V, R> getBackupProcessor() {
        return delegate.getBackupProcessor();
    }

    /**
     * The wrapper goes over the wire only when Hazelcast re-sends an operation that already ran its
     * preparation here (a retry after the partition moved): it is sent as the processor it wraps, which
     * the receiving member wraps again for itself.
     */
    static final class SentAsWrapped implements StreamSerializer<Object> {

        @Override
        public void write(ObjectDataOutput out, Object wrapper) throws IOException {
            out.writeObject(((ValueSerializingProcessor<?, ?, ?>) wrapper).delegate());
        }

        @Override
        public Object read(ObjectDataInput in) throws IOException {
            return in.readObject();
        }

        @Override
        public int getTypeId() {
            return TYPE_ID;
        }
    }
}
