package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
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
        entry.setValue(completed);
        return completed;
    }
}
