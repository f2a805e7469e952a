package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.result.ResultLimits;

/**
 * The {@link ResultLimits} the nodes publish into the grid at start, read by every upload wherever it
 * runs (a client, a gateway, a handler on a node), so all enforce the numbers the nodes were given.
 */
public final class PublishedLimits {

    private PublishedLimits() {
    }

    /** What the nodes published; the defaults if none has (a cluster whose nodes predate the limits). */
    public static ResultLimits read(HazelcastInstance hazelcast) {
        ResultLimits published = settings(hazelcast).get(GridNames.RESULT_LIMITS);
        return published == null ? ResultLimits.DEFAULTS : published;
    }

    /** Publishes {@code limits}; returns what was there before, or {@code null}. */
    public static ResultLimits publish(HazelcastInstance hazelcast, ResultLimits limits) {
        return settings(hazelcast).put(GridNames.RESULT_LIMITS, limits);
    }

    /** Publishes {@code limits} unless some are there; returns what was there, or {@code null}. */
    public static ResultLimits publishIfAbsent(HazelcastInstance hazelcast, ResultLimits limits) {
        return settings(hazelcast).putIfAbsent(GridNames.RESULT_LIMITS, limits);
    }

    private static IMap<String, ResultLimits> settings(HazelcastInstance hazelcast) {
        return hazelcast.getMap(GridNames.SETTINGS);
    }
}
