package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.schedule.Schedule;
import java.time.Instant;
import java.util.Map;

/**
 * The firer handled a schedule's tick: it fired it ({@code taskId}), skipped it ({@code taskId} and
 * {@code failure} null) or could not submit its task ({@code failure}). Applied only while the
 * schedule's {@code nextFireAt} is still that tick and no firer with a higher fence has written it,
 * so a firer that lost its lock, or a second firer repeating a tick after a death, changes nothing.
 * Returns the schedule afterwards, or {@code null} if nothing was applied.
 */
public record AdvanceSchedule(long tickMillis, Long nextMillis, String taskId, String failure, long fence)
        implements EntryProcessor<String, Schedule, Schedule> {

    @Override
    public Schedule process(Map.Entry<String, Schedule> entry) {
        Schedule current = entry.getValue();
        if (current == null || current.nextFireAt() == null || current.nextFireAt().toEpochMilli() != tickMillis
                || fence < current.fence()) {
            return null;
        }
        Instant tick = Instant.ofEpochMilli(tickMillis);
        Instant next = nextMillis == null ? null : Instant.ofEpochMilli(nextMillis);
        Schedule after;
        if (failure != null) {
            after = current.failedToFire(tick, next, failure, fence);
        } else if (taskId != null) {
            after = current.fired(tick, taskId, next, fence);
        } else {
            after = current.skipped(next, fence);
        }
        entry.setValue(after);
        return after;
    }
}
