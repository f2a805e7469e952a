package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import io.weft.model.Ids;
import io.weft.model.result.ResultMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Creates a result, the one way both users (through the client) and handlers do it. */
public final class NewResult {

    private NewResult() {
    }

    /** Stores a new CREATED result that lives {@code life} from {@code now}; returns it. */
    public static ResultMeta store(HazelcastInstance hazelcast, String sessionId, String name, String contentType,
                                   Duration life, Instant now) {
        ResultMeta meta = ResultMeta.created(Ids.newResultId(), sessionId, name, contentType, null, now, now.plus(life));
        // The metadata outlives the bytes by the tombstone, to tell late readers that it expired.
        long keptMillis = life.plus(PublishedSetting.RESULT_LIMITS.read(hazelcast).tombstone()).toMillis();
        hazelcast.<String, ResultMeta>getMap(GridNames.RESULTS).set(meta.id(), meta, keptMillis, TimeUnit.MILLISECONDS);
        return meta;
    }
}
