package io.weft.node.merge;

import io.weft.model.session.Session;
import io.weft.model.session.SessionState;

/**
 * Sessions merge by how final their state is: CANCELLED over CLOSED over OPEN and PAUSED (which go
 * back and forth, so between those two the larger side's stands). A cancel or close given on either
 * side is therefore never undone.
 */
public final class SessionMergePolicy extends StateOrderMergePolicy<Session> {

    @Override
    protected Winner choose(Session merging, Session existing) {
        return rank(merging.state()) > rank(existing.state()) ? Winner.MERGING : Winner.EXISTING;
    }

    static int rank(SessionState state) {
        return switch (state) {
            case OPEN, PAUSED -> 0;
            case CLOSED -> 1;
            case CANCELLED -> 2;
        };
    }
}
