package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.InputTally;
import java.util.Map;

/**
 * Counts one COMPLETED input of a task with several: clears its bit in the task's {@link InputTally}.
 * Idempotent: an input told twice counts once. Returns the tally after the change, or {@code null}
 * when nothing changed (no tally, or that input was already counted), so exactly one caller sees the
 * last input counted and readies the task.
 */
public record TallyInput(int input, String resultId, long bytes) implements EntryProcessor<String, InputTally, InputTally> {

    @Override
    public InputTally process(Map.Entry<String, InputTally> entry) {
        InputTally current = entry.getValue();
        if (current == null) {
            return null;
        }
        InputTally next = current.ready(input, resultId, bytes);
        if (next == current) {
            return null;
        }
        entry.setValue(next);
        return next;
    }
}
