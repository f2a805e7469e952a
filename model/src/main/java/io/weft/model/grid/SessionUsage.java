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

    /** A result of the session completed with {@code bytes}. */
    public static void completed(HazelcastInstance hazelcast, String sessionId, long bytes) {
        hazelcast.<String, Long>getMap(GridNames.SESSION_WRITTEN_BYTES).executeOnKey(sessionId, new AddWrittenBytes(bytes));
    }

    public static long of(IMap<String, ResultMeta> results, String sessionId, Instant now) {
        Long sum = results.aggregate(Aggregators.longSum("size"), Predicates.and(
                Predicates.equal("sessionId", sessionId),
                Predicates.equal("status", ResultStatus.COMPLETED.name()),
                Predicates.greaterThan("expiresAt", now.toEpochMilli())));
        return sum == null ? 0 : sum;
    }
}
