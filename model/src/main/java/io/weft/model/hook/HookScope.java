package io.weft.model.hook;

/** Whose events a hook hears. */
public enum HookScope {
    /** One session's, named by the hook's {@code scopeId}. */
    SESSION,
    /** Every session the gateway recorded as created by the API key named by {@code scopeId}. */
    KEY,
    /** Every session of the cluster (an admin's or a keyless Java client's hook); no {@code scopeId}. */
    ALL
}
