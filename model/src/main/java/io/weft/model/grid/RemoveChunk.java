package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Removes one chunk where it lives and says whether there was one: {@code TRUE} if it removed a
 * chunk, {@code null} if the key held none. Unlike {@code IMap.remove}, it sends no megabyte back.
 */
public record RemoveChunk() implements EntryProcessor<String, byte[], Boolean> {

    @Override
    public Boolean process(Map.Entry<String, byte[]> entry) {
        if (entry.getValue() == null) {
            return null;
        }
        entry.setValue(null);
        return Boolean.TRUE;
    }
}
