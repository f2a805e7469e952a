package io.weft.gateway.config;

/**
 * The grid objects only the gateway uses. Their values are JSON or plain strings, so the members need
 * no serializer for them. (They belong in {@code io.weft.model.grid.GridNames} once the model moves.)
 */
public final class GatewayMaps {

    /** Key id to the key's record as JSON (name, scopes, SHA-256 of the secret). */
    public static final String KEYS = "weft.keys";
    /** Session id to the id of the key that created it. */
    public static final String SESSION_OWNERS = "weft.session-owners";
    /** Key id to the session {@code POST /v1/run} submits into for that key. */
    public static final String RUN_SESSIONS = "weft.run-sessions";

    private GatewayMaps() {
    }
}
