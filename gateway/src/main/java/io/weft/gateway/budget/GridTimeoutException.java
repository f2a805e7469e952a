package io.weft.gateway.budget;

import java.time.Duration;

/** The grid did not answer a call within the gateway's budget ({@code WEFT_GRID_TIMEOUT}): 503, retry later. */
public final class GridTimeoutException extends RuntimeException {

    private final Duration budget;

    public GridTimeoutException(Duration budget) {
        super("the cluster did not answer within " + budget + " (WEFT_GRID_TIMEOUT); the call may still take effect, "
                + "so read before you retry", null, false, false);
        this.budget = budget;
    }

    /** Seconds a client should wait before trying again: the budget, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (budget.toMillis() + 999) / 1000);
    }
}
