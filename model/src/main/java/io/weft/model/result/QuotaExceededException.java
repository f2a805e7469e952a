package io.weft.model.result;

/**
 * An upload refused because it would pass a limit: the largest object, or the bytes one session may
 * keep. The message names the limit and the numbers; nothing the upload wrote is kept.
 */
public class QuotaExceededException extends RuntimeException {

    /** Which limit an upload passed. */
    public enum Limit {
        /** {@link ResultLimits#maxResultBytes()}: the size of one object. */
        MAX_RESULT_BYTES,
        /** {@link ResultLimits#sessionQuotaBytes()}: the bytes of a session's completed, unexpired results. */
        SESSION_QUOTA_BYTES
    }

    private final Limit limit;
    private final long limitBytes;
    private final long wouldBeBytes;

    public QuotaExceededException(String resultId, Limit limit, long limitBytes, long wouldBeBytes) {
        super(message(resultId, limit, limitBytes, wouldBeBytes));
        this.limit = limit;
        this.limitBytes = limitBytes;
        this.wouldBeBytes = wouldBeBytes;
    }

    private static String message(String resultId, Limit limit, long limitBytes, long wouldBeBytes) {
        return switch (limit) {
            case MAX_RESULT_BYTES -> "upload of result " + resultId + " refused: it passed the largest object size of "
                    + limitBytes + " bytes (" + wouldBeBytes + " bytes so far)";
            case SESSION_QUOTA_BYTES -> "upload of result " + resultId + " refused: its session would hold "
                    + wouldBeBytes + " bytes, over its quota of " + limitBytes + " bytes";
        };
    }

    public Limit limit() {
        return limit;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The bytes the object, or the session, would have held had the upload gone on. */
    public long wouldBeBytes() {
        return wouldBeBytes;
    }
}
