package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.ApplyHook;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.MemberBroadcast;
import io.weft.model.grid.PublishedSetting;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhooks: the nodes POST chosen events (a task succeeded, failed or was cancelled; a session
 * finished) of a session, of every session of an API key, or of every session, to a URL, signed with
 * the hook's secret (verify with {@link HookSignature}), retried with backoff, each attempt kept in
 * the hook's {@link #deliveries}. Delivery is at least once: a receiver dedupes on the body's
 * {@code deliveryId} or {@code eventId}.
 */
public final class Hooks {

    public static final String ID_PREFIX = "h-";
    /** The longest a registration waits for every member to apply it. */
    public static final Duration REGISTRATION_LIMIT = Duration.ofSeconds(60);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Hook> hooks;
    private final IMap<String, HookDelivery> deliveries;
    private final Sessions sessions;
    private final Clock clock;

    Hooks(HazelcastInstance hazelcast, Sessions sessions, Clock clock) {
        this.hazelcast = hazelcast;
        this.hooks = hazelcast.getMap(GridNames.HOOKS);
        this.deliveries = hazelcast.getMap(GridNames.HOOK_DELIVERIES);
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A hook on one session's events. */
    public Hook forSession(String sessionId, Set<HookEvent> events, String url) {
        return create(HookScope.SESSION, sessionId, events, url);
    }

    /**
     * Registers a hook and returns it with its generated secret: keep it, it is what a receiver checks
     * signatures with. Refused, and nothing stored, when a field is wrong: no events, a URL outside the
     * nodes' allow-list ({@code WEFT_HTTP_ALLOW}, as the nodes published it), an unknown session. The URL
     * is stored in its normal form ({@link io.weft.model.http.UrlNormalizer}): {@code /a/../b} as {@code /b}. When it
     * returns, every member matches the tasks that end against the hook.
     *
     * @param scopeId the session id ({@link HookScope#SESSION}), the API key id ({@link HookScope#KEY}) or
     *                {@code null} ({@link HookScope#ALL})
     */
    public Hook create(HookScope scope, String scopeId, Set<HookEvent> events, String url) {
        // The normal form is what was checked, so it is what is stored and, later, called.
        String normal = PublishedSetting.HTTP_ALLOW.read(hazelcast).check("url", url).toString();
        Hook hook = new Hook(ID_PREFIX + UUID.randomUUID().toString().replace("-", ""), scope, scopeId, events, normal,
                Hook.newSecret(), clock.instant());
        if (scope == HookScope.SESSION && sessions.get(scopeId).isEmpty()) {
            throw new InvalidValueException("sessionId", "names no session: " + scopeId);
        }
        hooks.set(hook.id(), hook);
        // Members also follow the hooks map, but its events arrive late: once this returns, every task
        // that ends is matched against the hook on every member.
        MemberBroadcast.toAllMembers(hazelcast, new ApplyHook(hook.id()), REGISTRATION_LIMIT, "registering hook " + hook.id());
        return hook;
    }

    public Optional<Hook> get(String hookId) {
        Checks.id("hookId", hookId);
        return Optional.ofNullable(hooks.get(hookId));
    }

    /** Every hook, oldest first. */
    public List<Hook> list() {
        return hooks.values().stream().sorted(Comparator.comparing(Hook::createdAt).thenComparing(Hook::id)).toList();
    }

    /** Deletes the hook and its deliveries; pending ones are not sent. Returns whether it existed. */
    public boolean delete(String hookId) {
        Checks.id("hookId", hookId);
        boolean existed = hooks.remove(hookId) != null;
        deliveries.removeAll(Predicates.equal("hookId", hookId));
        return existed;
    }

    /**
     * Sends one of the hook's settled deliveries (DELIVERED or FAILED) again: a new delivery of the same
     * event, with the same body but an id of its own, returned PENDING. The member that owns it sends it
     * within the node's sweep interval ({@code WEFT_SWEEP_INTERVAL}, 2 s) and retries it like any
     * delivery. Refused while the delivery is still being tried; not found if the hook or the delivery
     * is gone.
     */
    public HookDelivery redeliver(String hookId, String deliveryId) {
        Checks.id("hookId", hookId);
        Checks.id("deliveryId", deliveryId);
        if (!hooks.containsKey(hookId)) {
            throw new NoSuchElementException("no hook " + hookId);
        }
        HookDelivery earlier = deliveries.get(deliveryId);
        if (earlier == null || !earlier.hookId().equals(hookId)) {
            throw new NoSuchElementException("hook " + hookId + " has no delivery " + deliveryId);
        }
        HookDelivery again = earlier.redelivery(clock.instant());
        deliveries.set(again.id(), again);
        return again;
    }

    /** The hook's deliveries with their attempts, oldest first (kept seven days after their last change). */
    public List<HookDelivery> deliveries(String hookId) {
        Checks.id("hookId", hookId);
        return deliveries.values(Predicates.equal("hookId", hookId)).stream()
                .sorted(Comparator.comparing(HookDelivery::createdAt).thenComparing(HookDelivery::id)).toList();
    }
}
