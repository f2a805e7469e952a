package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.http.UrlAllowList;

/**
 * The {@link UrlAllowList} the nodes publish into {@link GridNames#SETTINGS} at start, so a client or a
 * gateway in client mode (which has no node configuration) refuses a hook's URL at registration by
 * the same list the nodes deliver by.
 */
public final class PublishedAllowList {

    private PublishedAllowList() {
    }

    /** What the nodes published; none allowed if nothing is published. */
    public static UrlAllowList read(HazelcastInstance hazelcast) {
        UrlAllowList published = settings(hazelcast).get(GridNames.HTTP_ALLOW);
        return published == null ? UrlAllowList.NONE : published;
    }

    /** Publishes {@code allowList}; returns what was there before, or {@code null}. */
    public static UrlAllowList publish(HazelcastInstance hazelcast, UrlAllowList allowList) {
        return settings(hazelcast).put(GridNames.HTTP_ALLOW, allowList);
    }

    /** Publishes it unless a list is there; returns what was there, or {@code null}. */
    public static UrlAllowList publishIfAbsent(HazelcastInstance hazelcast, UrlAllowList allowList) {
        return settings(hazelcast).putIfAbsent(GridNames.HTTP_ALLOW, allowList);
    }

    private static IMap<String, UrlAllowList> settings(HazelcastInstance hazelcast) {
        return hazelcast.getMap(GridNames.SETTINGS);
    }
}
