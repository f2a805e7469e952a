package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Adds a completed result's size to its session's running total of bytes ever written, if the total
 * then stays within {@code upTo} ({@link Long#MAX_VALUE}: whatever it comes to). Returns whether it
 * added, so that checking the room and taking it are one step.
 */
public record AddWrittenBytes(long bytes, long upTo) implements EntryProcessor<String, Long, Boolean> {

    public static AddWrittenBytes always(long bytes) {
        return new AddWrittenBytes(bytes, Long.MAX_VALUE);
    }

    @Override
    public Boolean process(Map.Entry<String, Long> entry) {
        long before = entry.getValue() == null ? 0 : entry.getValue();
        if (before + bytes > upTo) {
            return false;
        }
        entry.setValue(before + bytes);
        return true;
    }
}
