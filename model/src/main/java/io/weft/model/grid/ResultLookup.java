package io.weft.model.grid;

import com.hazelcast.map.IMap;
import io.weft.model.result.ResultExpiredException;
import io.weft.model.result.ResultMeta;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a result's metadata as the living see it. An expired result's metadata stays in the grid
 * for {@link io.weft.model.result.ResultLimits#tombstone()} after its bytes went, only so that a
 * reader is told it expired, and when, rather than that it never existed.
 */
public final class ResultLookup {

    private ResultLookup() {
    }

    /** The result, empty if there is none; {@link ResultExpiredException} if it has expired. */
    public static Optional<ResultMeta> find(IMap<String, ResultMeta> results, String resultId, Instant now) {
        ResultMeta meta = results.get(resultId);
        if (meta != null && meta.isExpired(now)) {
            throw ResultExpiredException.of(meta);
        }
        return Optional.ofNullable(meta);
    }

    /** The result; {@link NoSuchElementException} if there is none, {@link ResultExpiredException} if it expired. */
    public static ResultMeta require(IMap<String, ResultMeta> results, String resultId, Instant now) {
        return find(results, resultId, now).orElseThrow(() -> new NoSuchElementException("no result " + resultId));
    }
}
