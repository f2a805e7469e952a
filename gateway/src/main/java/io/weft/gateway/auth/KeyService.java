package io.weft.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.weft.gateway.config.WeftProperties;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys. A secret reads {@code <keyId>.<random>}; the grid keeps only its SHA-256, and a presented
 * secret's hash is compared in constant time. Look-ups are cached for {@link #CACHE_MILLIS} so that a
 * revocation reaches every gateway within a second. The admin key comes from {@code WEFT_ADMIN_KEY};
 * without it one is generated and printed once.
 */
@Context
public class KeyService {

    public static final long CACHE_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRecords keys;
    private final byte[] adminHash;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public KeyService(KeyRecords keys, WeftProperties properties) {
        this.keys = keys;
        String admin = properties.adminKey();
        if (admin == null || admin.isBlank()) {
            admin = "admin." + randomSecret();
            // Printed once, to the console only: the operator's one chance to copy it.
            System.out.println("Weft admin key (set WEFT_ADMIN_KEY to choose your own): " + admin);
        } else if (admin.length() < 16) {
            throw new IllegalArgumentException("WEFT_ADMIN_KEY must be at least 16 characters");
        }
        this.adminHash = sha256(admin);
    }

    /** The caller a presented secret belongs to, if any. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) {
            return Optional.empty();
        }
        byte[] presented = sha256(secret);
        if (MessageDigest.isEqual(presented, adminHash)) {
            return Optional.of(new Caller(Caller.ADMIN_KEY_ID, EnumSet.of(Scope.ADMIN)));
        }
        int dot = secret.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        KeyRecord key = lookup(secret.substring(0, dot));
        if (key == null || !MessageDigest.isEqual(presented, HexFormat.of().parseHex(key.sha256()))) {
            return Optional.empty();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        key.scopes().forEach(s -> scopes.add(Scope.parse("scopes", s)));
        return Optional.of(new Caller(key.id(), scopes));
    }

    /** A new key; the returned secret is shown to the caller this once and kept nowhere. */
    public Created create(String name, List<String> scopeNames) {
        Checks.text("name", Checks.notNull("name", name), 256);
        Checks.size("scopes", Checks.notNull("scopes", scopeNames), 3);
        if (scopeNames.isEmpty()) {
            throw new InvalidValueException("scopes", "must hold at least one of admin, submit, read");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < scopeNames.size(); i++) {
            scopes.add(Scope.parse("scopes[" + i + "]", scopeNames.get(i)).wire());
        }
        String id = "k-" + HexFormat.of().formatHex(randomBytes(8));
        String secret = id + "." + randomSecret();
        KeyRecord key = new KeyRecord(id, name, List.copyOf(scopes), HexFormat.of().formatHex(sha256(secret)), clock.instant());
        keys.set(id, key.toJson());
        return new Created(key, secret);
    }

    public List<KeyRecord> list() {
        return keys.all().stream().map(KeyRecord::fromJson)
                .sorted(Comparator.comparing(KeyRecord::createdAt).thenComparing(KeyRecord::id)).toList();
    }

    public void revoke(String id) {
        Checks.id("keyId", id);
        if (!keys.remove(id)) {
            throw new NoSuchElementException("no key " + id);
        }
        cache.remove(id);
    }

    private KeyRecord lookup(String id) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.at < CACHE_MILLIS) {
            return cached.key;
        }
        if (!Checks.ID.matcher(id).matches()) {
            return null;
        }
        String json = keys.get(id);
        KeyRecord key = json == null ? null : KeyRecord.fromJson(json);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(id, new Cached(key, now));
        return key;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static String randomSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A key just made, with its secret. */
    public record Created(KeyRecord key, String secret) {
    }

    private record Cached(KeyRecord key, long at) {
    }
}
