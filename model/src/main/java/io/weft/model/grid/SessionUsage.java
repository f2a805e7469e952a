package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.time.Instant;

/**
 * The bytes a session holds against its quota: the sizes of its COMPLETED results that have not
 * expired. One aggregation in the grid, run on every member over the results map's
 * {@code sessionId} index; a result being uploaded does not count until it completes.
 */
public final class SessionUsage {

    private SessionUsage() {
    }

    /**
     * What to hold {@code extra} more bytes against the quota with: the session's written total when
     * even that leaves room (it never undercounts, and reading it is one key), else the exact usage.
     * So the scan runs only for a session near its quota, not on every small output of a long chain.
     */
    public static long forCheck(HazelcastInstance hazelcast, IMap<String, ResultMeta> results, String sessionId,
                                Instant now, long extra, long quota) {
        Long written = hazelcast.<String, Long>getMap(GridNames.SESSION_WRITTEN_BYTES).get(sessionId);
        long upper = written == null ? 0 : written;
        return upper + extra <= quota ? upper : of(results, sessionId, now);
    }

    /**
     * Counts {@code bytes} of a result about to complete against the session's quota: added to its
     * written total in one step when even that total leaves room (it never undercounts, so the scan
     * runs only for a session near its quota); otherwise added only if the exact usage leaves room.
     * Returns the usage it checked against, and whether the bytes were counted.
     */
    public static Reservation reserve(HazelcastInstance hazelcast, IMap<String, ResultMeta> results, String sessionId,
                                      Instant now, long bytes, long quota) {
        IMap<String, Long> written = hazelcast.getMap(GridNames.SESSION_WRITTEN_BYTES);
        if (written.executeOnKey(sessionId, new AddWrittenBytes(bytes, quota))) {
            return new Reservation(true, 0);
        }
        long exact = of(results, sessionId, now);
        if (exact + bytes > quota) {
            return new Reservation(false, exact);
        }
        written.executeOnKey(sessionId, AddWrittenBytes.always(bytes));
        return new Reservation(true, exact);
    }

    /**
     * @param counted whether the bytes were counted (the quota had room)
     * @param usage   what the session held by the exact count, when it was taken; else 0
     */
    public record Reservation(boolean counted, long usage) {
    }

    public static long of(IMap<String, ResultMeta> results, String sessionId, Instant now) {
        Long sum = results.aggregate(Aggregators.longSum("size"), Predicates.and(
                Predicates.equal("sessionId", sessionId),
                Predicates.equal("status", ResultStatus.COMPLETED.name()),
                Predicates.greaterThan("expiresAt", now.toEpochMilli())));
        return sum == null ? 0 : sum;
    }
}
