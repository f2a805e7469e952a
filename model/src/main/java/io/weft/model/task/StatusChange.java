package io.weft.model.task;

import io.weft.model.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One entry of a task's history: the status it entered, when, in which attempt and on which member.
 * The history is append-only; events, latency figures and audits all read from it. Its time is kept
 * to the millisecond, the precision the grid stores, so a task held in memory equals the task stored.
 */
public record StatusChange(TaskStatus status, Instant at, int attempt, String member) {

    public StatusChange {
        Checks.notNull("history.status", status);
        at = Checks.notNull("history.at", at).truncatedTo(ChronoUnit.MILLIS);
        Checks.atLeast("history.attempt", attempt, 1);
    }
}
