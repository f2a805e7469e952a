package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.Checks;
import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.ResultInputStream;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.result.ResultMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Results: data objects in the grid, written and read as streams in chunks. */
public final class Results {

    public static final Duration DEFAULT_TTL = Duration.ofDays(1);
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private final IMap<String, ResultMeta> results;
    private final HazelcastInstance hazelcast;
    private final Sessions sessions;
    private final Clock clock;

    Results(HazelcastInstance hazelcast, Sessions sessions, Clock clock) {
        this.hazelcast = hazelcast;
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Creates an empty result in a session, to upload into; it expires {@code ttl} from now. */
    public ResultMeta create(String sessionId, String name, String contentType, Duration ttl) {
        sessions.require(sessionId);
        Duration life = Checks.duration("ttl", ttl == null ? DEFAULT_TTL : ttl, Duration.ofSeconds(1), MAX_TTL);
        Instant now = clock.instant();
        ResultMeta meta = ResultMeta.created(Ids.newResultId(), sessionId, name, contentType, null, now, now.plus(life));
        results.set(meta.id(), meta, life.toMillis(), TimeUnit.MILLISECONDS);
        return meta;
    }

    public Optional<ResultMeta> get(String resultId) {
        Checks.id("resultId", resultId);
        return Optional.ofNullable(results.get(resultId));
    }

    /** A stream into a CREATED result; closing it completes the result. */
    public ResultOutputStream openUpload(String resultId) {
        Checks.id("resultId", resultId);
        return new ResultOutputStream(hazelcast, resultId, clock);
    }

    /** Copies {@code data} into a CREATED result and completes it; returns the completed metadata. */
    public ResultMeta upload(String resultId, InputStream data) {
        Checks.notNull("data", data);
        ResultOutputStream out = openUpload(resultId);
        try {
            data.transferTo(out);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("upload of " + resultId + " failed; the result stays CREATED", e);
        }
        return out.completed();
    }

    /** A stream of a COMPLETED result's bytes, checked against its SHA-256 at the end. */
    public InputStream openDownload(String resultId) {
        Checks.id("resultId", resultId);
        return new ResultInputStream(hazelcast, resultId);
    }

}
