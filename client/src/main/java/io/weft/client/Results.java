package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.Checks;
import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.NewResult;
import io.weft.model.grid.PublishedSetting;
import io.weft.model.grid.ResultChunks;
import io.weft.model.grid.ResultInputStream;
import io.weft.model.grid.ResultLookup;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.grid.SessionUsage;
import io.weft.model.result.ResultLimits;
import io.weft.model.result.ResultMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Results: data objects in the grid, written and read as streams in chunks. A result expires at the
 * end of its TTL: its bytes go then, and reading it afterwards throws
 * {@link io.weft.model.result.ResultExpiredException} for {@link ResultLimits#tombstone()}, after
 * which it is simply unknown. Uploads are held to the {@link ResultLimits} the nodes publish.
 */
public final class Results {

    public static final Duration DEFAULT_TTL = ResultMeta.DEFAULT_TTL;
    public static final Duration MAX_TTL = ResultMeta.MAX_TTL;

    private final IMap<String, ResultMeta> results;
    private final IMap<String, byte[]> chunks;
    private final HazelcastInstance hazelcast;
    private final Sessions sessions;
    private final Clock clock;

    Results(HazelcastInstance hazelcast, Sessions sessions, Clock clock) {
        this.hazelcast = hazelcast;
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Creates an empty result in a session, to upload into; it expires {@code ttl} from now. */
    public ResultMeta create(String sessionId, String name, String contentType, Duration ttl) {
        sessions.require(sessionId);
        Duration life = Checks.duration("ttl", ttl == null ? DEFAULT_TTL : ttl, Duration.ofSeconds(1), MAX_TTL);
        return NewResult.store(hazelcast, sessionId, name, contentType, life, clock.instant());
    }

    /**
     * The result, or empty if there is none.
     *
     * @throws io.weft.model.result.ResultExpiredException if it has expired
     */
    public Optional<ResultMeta> get(String resultId) {
        Checks.id("resultId", resultId);
        return ResultLookup.find(results, resultId, clock.instant());
    }

    /**
     * A stream into a CREATED result; closing it completes the result. If the data to write cannot
     * all be had, call {@link ResultOutputStream#discard()} rather than close.
     */
    public ResultOutputStream openUpload(String resultId) {
        Checks.id("resultId", resultId);
        return new ResultOutputStream(hazelcast, resultId, clock);
    }

    /**
     * Copies {@code data} into a CREATED result and completes it; returns the completed metadata. If
     * {@code data} breaks off, or a limit is passed, the chunks written so far are removed, the result
     * stays CREATED to be uploaded again, and the failure is thrown.
     *
     * @throws io.weft.model.result.QuotaExceededException past the largest object size or the session's quota
     * @throws UncheckedIOException                        if {@code data} could not be read to its end
     */
    public ResultMeta upload(String resultId, InputStream data) {
        Checks.notNull("data", data);
        ResultOutputStream out = openUpload(resultId);
        try {
            data.transferTo(out);
            out.close();
        } catch (IOException e) {
            out.discard();
            throw new UncheckedIOException("upload of " + resultId + " failed; the result stays CREATED", e);
        } catch (RuntimeException e) {
            try {
                out.discard();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return out.completed();
    }

    /** A stream of a COMPLETED result's bytes, checked against its SHA-256 at the end. */
    public InputStream openDownload(String resultId) {
        Checks.id("resultId", resultId);
        return new ResultInputStream(hazelcast, resultId, clock);
    }

    /**
     * Removes a result, expired or not, with all its bytes, including those of an upload that broke
     * off. Returns whether there was such a result.
     */
    public boolean delete(String resultId) {
        Checks.id("resultId", resultId);
        // The metadata goes first: a reader then finds no result, never one whose chunks are missing.
        // If this client dies before the chunks are gone, they still expire with the result's TTL.
        ResultMeta removed = results.remove(resultId);
        if (removed == null) {
            return false;
        }
        ResultChunks.remove(chunks, resultId, removed.chunkCount());
        return true;
    }

    /** The bytes a session holds against its quota: its COMPLETED results that have not expired. */
    public long usage(String sessionId) {
        Checks.id("sessionId", sessionId);
        return SessionUsage.of(results, sessionId, clock.instant());
    }

    /** The limits the cluster's nodes published, which every upload is held to. */
    public ResultLimits limits() {
        return PublishedSetting.RESULT_LIMITS.read(hazelcast);
    }
}
