package io.weft.model.grid;

/**
 * A member's view of which sessions may start tasks now; the node implements it and puts it in the
 * member's user context under {@link UserContextKeys#SESSION_GATE}.
 */
public interface SessionGate {

    /**
     * Brings this member's view of the session up to date with the sessions map, and returns once it
     * holds here: for a PAUSED session, once no claim of one of its tasks is in flight on this member;
     * for one that left PAUSED, once its QUEUED tasks that this member owns are handed to the dispatcher.
     */
    void refresh(String sessionId);
}
