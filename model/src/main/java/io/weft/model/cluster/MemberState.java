package io.weft.model.cluster;

/**
 * Whether a node takes new tasks. {@code ACTIVE} does; a drained node ({@code DRAINING}) takes none
 * and lets its running attempts finish, then reports {@code DRAINED}: it stays in the cluster (it still
 * holds data) but runs nothing until it is undrained or restarted.
 */
public enum MemberState {
    ACTIVE,
    DRAINING,
    DRAINED
}
