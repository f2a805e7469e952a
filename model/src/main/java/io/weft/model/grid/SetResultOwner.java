package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.util.Map;
import java.util.Objects;

/**
 * Makes {@code owner} the task that must produce a CREATED result, if its producer is still
 * {@code expected} ({@code null}: none yet; a parent's id: the parent hands it to a subtask). Owning
 * it already counts as success, so a repeated submit of the same task is harmless. Returns whether
 * {@code owner} owns it afterwards.
 */
public record SetResultOwner(String expected, String owner) implements EntryProcessor<String, ResultMeta, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, ResultMeta> entry) {
        ResultMeta current = entry.getValue();
        if (current == null || current.status() != ResultStatus.CREATED) {
            return false;
        }
        if (Objects.equals(current.ownerTaskId(), owner)) {
            return true;
        }
        if (!Objects.equals(current.ownerTaskId(), expected)) {
            return false;
        }
        CompleteResult.keepingExpiry(entry, current.withOwner(owner));
        return true;
    }
}
