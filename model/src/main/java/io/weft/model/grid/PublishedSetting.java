package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.http.UrlAllowList;
import io.weft.model.result.ResultLimits;
import io.weft.model.schedule.ScheduleLimits;

/**
 * A setting the nodes publish into {@link GridNames#SETTINGS} at start, so that whoever acts on it
 * (a client, a gateway in client mode, a handler on any node) enforces the numbers the nodes were
 * given rather than configuration of its own.
 *
 * @param <T> the setting's type
 */
public final class PublishedSetting<T> {

    /** The result limits every upload checks, wherever it runs. */
    public static final PublishedSetting<ResultLimits> RESULT_LIMITS =
            new PublishedSetting<>(GridNames.RESULT_LIMITS, ResultLimits.DEFAULTS);
    /** The URLs hooks and the {@code http} task type may call: a hook's URL is refused at registration by it. */
    public static final PublishedSetting<UrlAllowList> HTTP_ALLOW = new PublishedSetting<>(GridNames.HTTP_ALLOW, UrlAllowList.NONE);
    /** How often a schedule may fire at most: a schedule is refused at creation by it. */
    public static final PublishedSetting<ScheduleLimits> SCHEDULE_LIMITS =
            new PublishedSetting<>(GridNames.SCHEDULE_LIMITS, ScheduleLimits.DEFAULTS);

    private final String key;
    private final T unpublished;

    private PublishedSetting(String key, T unpublished) {
        this.key = key;
        this.unpublished = unpublished;
    }

    /** What the nodes published, or the default if none has (a cluster whose nodes predate the setting). */
    public T read(HazelcastInstance hazelcast) {
        T published = settings(hazelcast).get(key);
        return published == null ? unpublished : published;
    }

    /** Publishes {@code value}; returns what was there before, or {@code null}. */
    public T publish(HazelcastInstance hazelcast, T value) {
        return settings(hazelcast).put(key, value);
    }

    /** Publishes {@code value} unless one is there; returns what was there, or {@code null}. */
    public T publishIfAbsent(HazelcastInstance hazelcast, T value) {
        return settings(hazelcast).putIfAbsent(key, value);
    }

    private IMap<String, T> settings(HazelcastInstance hazelcast) {
        return hazelcast.getMap(GridNames.SETTINGS);
    }
}
