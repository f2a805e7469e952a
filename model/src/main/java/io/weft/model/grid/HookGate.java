package io.weft.model.grid;

/**
 * A member's view of the hooks; the node implements it and puts it in the member's user context under
 * {@link UserContextKeys#HOOK_GATE}.
 */
public interface HookGate {

    /**
     * Brings this member's view of the hook up to date with the hooks map, and returns once the member
     * listens for the events the hook wants: every task or session of this member's partitions that
     * ends after this returns is matched against it.
     */
    void refresh(String hookId);
}
