package io.weft.model.hook;

import io.weft.model.Checks;
import java.time.Instant;

/**
 * One POST of a delivery.
 *
 * @param number     1 for the first attempt
 * @param member     the uuid of the member that sent it
 * @param status     the receiver's HTTP status, or 0 when none came (refused connection, timeout)
 * @param error      why it failed without a status, or {@code null}
 * @param durationMs from sending to the answer (or the error)
 */
public record DeliveryAttempt(int number, Instant at, String member, int status, String error, long durationMs) {

    public static final int MAX_ERROR_CHARS = 512;

    public DeliveryAttempt {
        Checks.atLeast("number", number, 1);
        Checks.notNull("at", at);
        Checks.notNull("member", member);
        Checks.range("status", status, 0, 999);
        Checks.atLeast("durationMs", durationMs, 0);
        if (error != null && error.length() > MAX_ERROR_CHARS) {
            error = error.substring(0, MAX_ERROR_CHARS) + "…";
        }
    }

    /** A 2xx answer: the receiver took it. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
