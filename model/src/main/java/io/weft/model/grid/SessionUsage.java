package io.weft.model.grid;

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

    public static long of(IMap<String, ResultMeta> results, String sessionId, Instant now) {
        Long sum = results.aggregate(Aggregators.longSum("size"), Predicates.and(
                Predicates.equal("sessionId", sessionId),
                Predicates.equal("status", ResultStatus.COMPLETED.name()),
                Predicates.greaterThan("expiresAt", now.toEpochMilli())));
        return sum == null ? 0 : sum;
    }
}
