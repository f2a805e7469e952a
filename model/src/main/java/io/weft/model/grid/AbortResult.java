package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.util.Map;

/**
 * CREATED to ABORTED, when the task that owns it ended without producing it. A result its owner
 * handed to a subtask is no longer its to abort, so the owner is checked. Returns the result after
 * the change, or {@code null} when nothing changed.
 */
public record AbortResult(String ownerTaskId) implements EntryProcessor<String, ResultMeta, ResultMeta> {

    @Override
    public ResultMeta process(Map.Entry<String, ResultMeta> entry) {
        ResultMeta current = entry.getValue();
        if (current == null || current.status() != ResultStatus.CREATED || !ownerTaskId.equals(current.ownerTaskId())) {
            return null;
        }
        ResultMeta aborted = current.abort();
        CompleteResult.keepingExpiry(entry, aborted);
        return aborted;
    }
}
