package io.weft.node.grid;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.concurrent.TimeUnit;

/**
 * An entry that passes the grid its new value serialised, once, and reads back to its processor the
 * value as it was set.
 */
final class ValueSerializingEntry<K, V> implements ExtendedMapEntry<K, V> {

    private final ExtendedMapEntry<K, V> entry;
    private final SerializationService serialization;
    private boolean set;
    private V value;

    ValueSerializingEntry(ExtendedMapEntry<K, V> entry, SerializationService serialization) {
        this.entry = entry;
        this.serialization = serialization;
    }

    @Override
    public K getKey() {
        return entry.getKey();
    }

    @Override
    public V getValue() {
        return set ? value : entry.getValue();
    }

    @Override
    public V setValue(V newValue) {
        V old = remember(newValue);
        entry.setValue(serialized(newValue));
        return old;
    }

    @Override
    public V setValue(V newValue, long ttl, TimeUnit ttlUnit) {
        V old = remember(newValue);
        entry.setValue(serialized(newValue), ttl, ttlUnit);
        return old;
    }

    @Override
    public V setValueWithoutChangingExpiryTime(V newValue) {
        V old = remember(newValue);
        entry.setValueWithoutChangingExpiryTime(serialized(newValue));
        return old;
    }

    private V remember(V newValue) {
        V old = getValue();
        value = newValue;
        set = true;
        return old;
    }

    // The grid takes a serialised value where it takes an object: setting one through the entry is how
    // it is handed over already serialised, and no one reads it back as the entry's type.
    @SuppressWarnings("unchecked")
    private V serialized(V newValue) {
        return newValue == null ? null : (V) serialization.toData(newValue);
    }
}
