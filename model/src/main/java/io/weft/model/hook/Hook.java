package io.weft.model.hook;

import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * A webhook ({@code weft.hooks}, keyed by id): the events of a scope it is told about, POSTed to
 * {@code url} and signed with {@code secret} (see {@link HookSigning}). The secret is generated when
 * the hook is made, shown to its creator once, and kept so that the node delivering can sign.
 *
 * @param scopeId the session id ({@link HookScope#SESSION}), the API key id ({@link HookScope#KEY}),
 *                or {@code null} ({@link HookScope#ALL})
 */
public record Hook(String id, HookScope scope, String scopeId, Set<HookEvent> events, String url, String secret,
                   Instant createdAt) {

    public static final int MAX_URL_CHARS = 4096;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Hook {
        Checks.id("id", id);
        Checks.notNull("scope", scope);
        if (scope == HookScope.ALL) {
            if (scopeId != null) {
                throw new InvalidValueException("scopeId", "must be absent for a hook on every session");
            }
        } else {
            Checks.id(scope == HookScope.SESSION ? "sessionId" : "keyId", scopeId);
        }
        Checks.notNull("events", events);
        if (events.isEmpty()) {
            throw new InvalidValueException("events", "must name at least one of " + Set.of(HookEvent.values()));
        }
        events = Set.copyOf(EnumSet.copyOf(events));
        Checks.text("url", url, MAX_URL_CHARS);
        Checks.text("secret", secret, 256);
        if (secret.length() < 32) {
            throw new InvalidValueException("secret", "must be at least 32 characters");
        }
        Checks.notNull("createdAt", createdAt);
    }

    /** A fresh secret: 32 random bytes as lower-case hex. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public boolean wants(HookEvent event) {
        return events.contains(event);
    }

    /** Whether an event of {@code sessionId}, a session created by key {@code ownerKeyId} (or null), is for it. */
    public boolean covers(String sessionId, String ownerKeyId) {
        return switch (scope) {
            case SESSION -> scopeId.equals(sessionId);
            case KEY -> scopeId.equals(ownerKeyId);
            case ALL -> true;
        };
    }
}
