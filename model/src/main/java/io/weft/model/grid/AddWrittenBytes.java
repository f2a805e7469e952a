package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Adds a completed result's size to its session's running total of bytes ever written. */
public record AddWrittenBytes(long bytes) implements EntryProcessor<String, Long, Void> {

    @Override
    public Void process(Map.Entry<String, Long> entry) {
        Long before = entry.getValue();
        entry.setValue((before == null ? 0 : before) + bytes);
        return null;
    }
}
