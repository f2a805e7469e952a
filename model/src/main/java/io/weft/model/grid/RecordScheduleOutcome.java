package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.schedule.Schedule;
import io.weft.model.task.TaskStatus;
import java.util.Map;

/** A task a schedule fired finished: counts its outcome once (see {@link Schedule#outcome}). */
public record RecordScheduleOutcome(String taskId, TaskStatus status, String why)
        implements EntryProcessor<String, Schedule, Schedule> {

    @Override
    public Schedule process(Map.Entry<String, Schedule> entry) {
        Schedule current = entry.getValue();
        if (current == null) {
            return null;
        }
        Schedule after = current.outcome(taskId, status, why);
        if (after != current) {
            entry.setValue(after);
        }
        return after;
    }
}
