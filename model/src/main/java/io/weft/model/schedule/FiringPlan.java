package io.weft.model.schedule;

import java.time.Instant;

/**
 * What the firer does with a due schedule.
 *
 * @param tick the tick being handled: the schedule's {@code nextFireAt}, which names the task
 * @param fire whether a task is submitted for it (a missed tick under {@link MisfirePolicy#SKIP} is not)
 * @param next the schedule's next tick afterwards, or {@code null} if its cron expression has none
 */
public record FiringPlan(Instant tick, boolean fire, Instant next) {
}
