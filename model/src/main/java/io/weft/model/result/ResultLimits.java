package io.weft.model.result;

import io.weft.model.Checks;
import java.time.Duration;

/**
 * The rules every upload and read of a data object follows, set on the nodes and published by them
 * into the grid, so that every client and gateway enforces the same numbers.
 *
 * @param maxResultBytes    the largest object, in bytes. Default {@value #DEFAULT_MAX_RESULT_BYTES} (4 GiB)
 * @param sessionQuotaBytes the bytes a session's completed, unexpired results may hold together.
 *                          Default {@value #DEFAULT_SESSION_QUOTA_BYTES} (64 GiB)
 * @param tombstone         how long an expired result's metadata stays, so that reading it says
 *                          "expired" rather than "no such result". Default one hour
 */
public record ResultLimits(long maxResultBytes, long sessionQuotaBytes, Duration tombstone) {

    public static final long DEFAULT_MAX_RESULT_BYTES = 4L << 30;
    public static final long DEFAULT_SESSION_QUOTA_BYTES = 64L << 30;
    public static final Duration DEFAULT_TOMBSTONE = Duration.ofHours(1);
    public static final Duration MAX_TOMBSTONE = Duration.ofDays(30);
    public static final ResultLimits DEFAULTS =
            new ResultLimits(DEFAULT_MAX_RESULT_BYTES, DEFAULT_SESSION_QUOTA_BYTES, DEFAULT_TOMBSTONE);

    public ResultLimits {
        Checks.atLeast("maxResultBytes", maxResultBytes, 1);
        Checks.atLeast("sessionQuotaBytes", sessionQuotaBytes, 1);
        Checks.duration("tombstone", tombstone, Duration.ZERO, MAX_TOMBSTONE);
    }
}
