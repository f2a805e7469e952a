package io.weft.model.result;

import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * A result that was there but has expired: its bytes are gone and its metadata is kept for a while
 * only to say so. It is a {@link NoSuchElementException}, so code that treats "no result" as missing
 * stays right; adapters that can say more (the gateway's 410 Gone) catch it first.
 */
public class ResultExpiredException extends NoSuchElementException {

    private final String resultId;
    private final String sessionId;
    private final Instant expiredAt;

    public ResultExpiredException(String resultId, String sessionId, Instant expiredAt) {
        super("result " + resultId + " expired at " + expiredAt);
        this.resultId = resultId;
        this.sessionId = sessionId;
        this.expiredAt = expiredAt;
    }

    public static ResultExpiredException of(ResultMeta meta) {
        return new ResultExpiredException(meta.id(), meta.sessionId(), meta.expiresAt());
    }

    public String resultId() {
        return resultId;
    }

    /** The session it belonged to, so an adapter can hide it from callers who may not see that session. */
    public String sessionId() {
        return sessionId;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
