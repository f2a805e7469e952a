package io.weft.model.grid;

import java.util.Map;

/** A map entry that remembers whether an entry processor wrote to it (a write costs a backup in the grid). */
final class RecordingEntry<V> implements Map.Entry<String, V> {

    private final String key;
    private V value;
    private int writes;

    RecordingEntry(String key, V value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public V setValue(V newValue) {
        V old = value;
        value = newValue;
        writes++;
        return old;
    }

    boolean written() {
        return writes > 0;
    }
}
