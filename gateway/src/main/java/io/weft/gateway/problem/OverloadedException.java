package io.weft.gateway.problem;

/** The cluster has more queued work than the gateway lets in; the client should retry later. */
public class OverloadedException extends RuntimeException {

    private final long retryAfterSeconds;

    public OverloadedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
