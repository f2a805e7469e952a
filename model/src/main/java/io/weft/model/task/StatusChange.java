package io.weft.model.task;

import io.weft.model.Checks;
import java.time.Instant;

/**
 * One entry of a task's history: the status it entered, when, in which attempt and on which member.
 * The history is append-only; events, latency figures and audits all read from it.
 */
public record StatusChange(TaskStatus status, Instant at, int attempt, String member) {

    public StatusChange {
        Checks.notNull("history.status", status);
        Checks.notNull("history.at", at);
        Checks.atLeast("history.attempt", attempt, 1);
    }
}
