package io.weft.node.merge;

import io.weft.model.schedule.Schedule;

/**
 * Schedules merge by how far they have fired: the higher firing-lock fence (the later firer), then
 * the more ticks fired, wins, so a tick fired on one side is not fired again after the merge.
 */
public final class ScheduleMergePolicy extends StateOrderMergePolicy<Schedule> {

    @Override
    protected Winner choose(Schedule merging, Schedule existing) {
        if (merging.fence() != existing.fence()) {
            return merging.fence() > existing.fence() ? Winner.MERGING : Winner.EXISTING;
        }
        return merging.fired() > existing.fired() ? Winner.MERGING : Winner.EXISTING;
    }
}
