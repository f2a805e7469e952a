package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleState;
import java.time.Instant;
import java.util.Map;

/**
 * A user pauses or resumes a schedule. Resuming starts again from the first tick after
 * {@code nowMillis}, which the caller carries so that the backup computes the same value.
 * Returns the schedule afterwards, or {@code null} if there is none.
 */
public record ChangeScheduleState(ScheduleState to, String reason, long nowMillis)
        implements EntryProcessor<String, Schedule, Schedule> {

    @Override
    public Schedule process(Map.Entry<String, Schedule> entry) {
        Schedule current = entry.getValue();
        if (current == null) {
            return null;
        }
        Schedule after = to == ScheduleState.PAUSED ? current.pause(reason) : current.resume(Instant.ofEpochMilli(nowMillis));
        if (after != current) {
            entry.setValue(after);
        }
        return after;
    }
}
