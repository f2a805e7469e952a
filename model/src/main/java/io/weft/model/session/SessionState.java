package io.weft.model.session;

/** A session's lifecycle: OPEN and PAUSED take tasks; CLOSED and CANCELLED take no new ones. */
public enum SessionState {
    OPEN,
    PAUSED,
    CLOSED,
    CANCELLED;

    public boolean acceptsTasks() {
        return this == OPEN || this == PAUSED;
    }
}
