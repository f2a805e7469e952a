package io.weft.gateway.service;

import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.edge.RequiredBody;
import io.weft.gateway.wire.DeliveryView;
import io.weft.gateway.wire.HookRequest;
import io.weft.gateway.wire.HookView;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Hooks over HTTP. A hook on one session needs the caller to own it (404 otherwise, as for the
 * session); a hook without a session covers every session of the calling key. A non-admin key sees
 * only the hooks of its sessions and its own per-key hooks; any other is a 404.
 */
@Singleton
@GridBudget
public class HookService {

    private final WeftClient weft;
    private final Ownership ownership;

    public HookService(WeftClient weft, Ownership ownership) {
        this.weft = weft;
        this.ownership = ownership;
    }

    public HookView create(Caller caller, HookRequest request) {
        RequiredBody.of(request, "{\"events\": [\"TASK_SUCCEEDED\", …], \"url\": …, \"sessionId\": …}");
        Set<HookEvent> events = events(request.events());
        Hook hook;
        if (Boolean.TRUE.equals(request.allSessions())) {
            if (!caller.isAdmin()) {
                throw new InvalidValueException("allSessions", "needs the admin scope; leave it out for every session of this key");
            }
            if (request.sessionId() != null) {
                throw new InvalidValueException("sessionId", "must be absent with allSessions");
            }
            hook = weft.hooks().create(HookScope.ALL, null, events, request.url());
        } else if (request.sessionId() != null) {
            Checks.id("sessionId", request.sessionId());
            ownership.check(caller, request.sessionId());
            hook = weft.hooks().create(HookScope.SESSION, request.sessionId(), events, request.url());
        } else {
            hook = weft.hooks().create(HookScope.KEY, caller.keyId(), events, request.url());
        }
        return view(hook, true);
    }

    public List<HookView> list(Caller caller) {
        return weft.hooks().list().stream().filter(h -> canSee(caller, h)).map(h -> view(h, false)).toList();
    }

    public HookView get(Caller caller, String hookId) {
        return view(require(caller, hookId), false);
    }

    public void delete(Caller caller, String hookId) {
        require(caller, hookId);
        weft.hooks().delete(hookId);
    }

    public List<DeliveryView> deliveries(Caller caller, String hookId) {
        require(caller, hookId);
        return weft.hooks().deliveries(hookId).stream().map(HookService::view).toList();
    }

    public DeliveryView redeliver(Caller caller, String hookId, String deliveryId) {
        require(caller, hookId);
        return view(weft.hooks().redeliver(hookId, deliveryId));
    }

    private Hook require(Caller caller, String hookId) {
        Hook hook = weft.hooks().get(hookId).orElseThrow(() -> new NoSuchElementException("no hook " + hookId));
        if (!canSee(caller, hook)) {
            throw new NoSuchElementException("no hook " + hookId);
        }
        return hook;
    }

    private boolean canSee(Caller caller, Hook hook) {
        return switch (hook.scope()) {
            case SESSION -> ownership.canSee(caller, hook.scopeId());
            case KEY -> caller.isAdmin() || caller.keyId().equals(hook.scopeId());
            case ALL -> caller.isAdmin();
        };
    }

    private static Set<HookEvent> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidValueException("events", "must name at least one of " + List.of(HookEvent.values()));
        }
        Set<HookEvent> events = EnumSet.noneOf(HookEvent.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                events.add(HookEvent.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("events[" + i + "]", "must be one of " + List.of(HookEvent.values())
                        + ", got '" + name + "'");
            }
        }
        return events;
    }

    private static HookView view(Hook hook, boolean withSecret) {
        List<String> events = hook.events().stream().map(Enum::name).sorted().toList();
        return new HookView(hook.id(), hook.scope().name().toLowerCase(Locale.ROOT),
                hook.scope() == HookScope.SESSION ? hook.scopeId() : null, hook.scope() == HookScope.KEY ? hook.scopeId() : null,
                events, hook.url(), hook.createdAt(), withSecret ? hook.secret() : null);
    }

    private static DeliveryView view(HookDelivery d) {
        return new DeliveryView(d.id(), d.hookId(), d.eventId(), d.event().name(), d.sessionId(), d.taskId(), d.state().name(),
                d.createdAt(), d.nextAttemptAt(), d.attempts().stream()
                .map(a -> new DeliveryView.Attempt(a.number(), a.at(), a.member(), a.status(), a.error(), a.durationMs())).toList());
    }
}
