package io.weft.node.hooks;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.weft.model.grid.GridNames;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This member's copy of every hook, kept by the hooks map's events: hooks are few and read on every
 * task that ends, so matching one must cost no grid call. A registration also tells every member at
 * once ({@code ApplyHook}, see {@link #reload}), since the map's events arrive late.
 */
final class HookDirectory implements EntryAddedListener<String, Hook>, EntryUpdatedListener<String, Hook>,
        EntryRemovedListener<String, Hook> {

    private final IMap<String, Hook> hooks;
    private final Map<String, Hook> known = new ConcurrentHashMap<>();
    private final Runnable onChange;
    private UUID registration;

    /** @param onChange told (on the event thread: it must only hand work on) whenever the hooks change */
    HookDirectory(HazelcastInstance hazelcast, Runnable onChange) {
        this.hooks = hazelcast.getMap(GridNames.HOOKS);
        this.onChange = onChange;
    }

    /** Listens first, then loads, so a hook made in between is not missed. */
    HookDirectory start() {
        registration = hooks.addEntryListener(this, true);
        hooks.values().forEach(hook -> known.put(hook.id(), hook));
        onChange.run();
        return this;
    }

    void close() {
        if (registration != null) {
            hooks.removeEntryListener(registration);
        }
    }

    /** Reads the hook from the map now, without waiting for its event. */
    void reload(String hookId) {
        Hook hook = hooks.get(hookId);
        if (hook == null) {
            known.remove(hookId);
        } else {
            known.put(hookId, hook);
        }
    }

    boolean isEmpty() {
        return known.isEmpty();
    }

    Hook get(String hookId) {
        Hook hook = known.get(hookId);
        return hook != null ? hook : hooks.get(hookId);
    }

    /** Whether some hook wants {@code event} at all: most ended tasks stop here. */
    boolean anyWants(HookEvent event) {
        for (Hook hook : known.values()) {
            if (hook.wants(event)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some hook that wants {@code event} is per key: only then is the session's owner looked up. */
    boolean anyKeyScoped(HookEvent event) {
        for (Hook hook : known.values()) {
            if (hook.scope() == HookScope.KEY && hook.wants(event)) {
                return true;
            }
        }
        return false;
    }

    /** The hooks told about {@code event} of {@code sessionId}, a session created by {@code ownerKeyId} (or null). */
    List<Hook> matching(HookEvent event, String sessionId, String ownerKeyId) {
        return known.values().stream().filter(h -> h.wants(event) && h.covers(sessionId, ownerKeyId)).toList();
    }

    @Override
    public void entryAdded(EntryEvent<String, Hook> event) {
        known.put(event.getKey(), event.getValue());
        onChange.run();
    }

    @Override
    public void entryUpdated(EntryEvent<String, Hook> event) {
        known.put(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, Hook> event) {
        known.remove(event.getKey());
        onChange.run();
    }
}
