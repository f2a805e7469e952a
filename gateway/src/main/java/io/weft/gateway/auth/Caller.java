package io.weft.gateway.auth;

import java.util.Set;

/** Who made a request: the key's id and scopes. The admin scope holds every other one. */
public record Caller(String keyId, Set<Scope> scopes) {

    /** The request attribute the key filter puts the caller under. */
    public static final String ATTRIBUTE = "weft.caller";
    /** The key id of {@code WEFT_ADMIN_KEY}. */
    public static final String ADMIN_KEY_ID = "admin";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(Scope.ADMIN);
    }

    public boolean has(Scope scope) {
        return isAdmin() || scopes.contains(scope);
    }
}
