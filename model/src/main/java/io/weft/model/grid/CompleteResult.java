package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.util.Map;

/**
 * CREATED to COMPLETED once every chunk is written, with the size and SHA-256 of the bytes.
 * Returns the result afterwards, or {@code null} if it was not CREATED (an upload that lost a race
 * or came after an abort), in which case nothing changes.
 */
public record CompleteResult(long size, String sha256, int chunkCount) implements EntryProcessor<String, ResultMeta, ResultMeta> {

    @Override
    public ResultMeta process(Map.Entry<String, ResultMeta> entry) {
        ResultMeta current = entry.getValue();
        if (current == null || current.status() != ResultStatus.CREATED) {
            return null;
        }
        ResultMeta completed = current.complete(size, sha256, chunkCount);
        keepingExpiry(entry, completed);
        return completed;
    }

    /**
     * A plain {@code setValue} in an entry processor resets the entry's TTL to the map's default
     * (none), which would keep a completed result, and its chunks' metadata, forever.
     */
    static <V> void keepingExpiry(Map.Entry<String, V> entry, V value) {
        if (entry instanceof ExtendedMapEntry<String, V> extended) {
            extended.setValueWithoutChangingExpiryTime(value);
        } else {
            entry.setValue(value);
        }
    }
}
