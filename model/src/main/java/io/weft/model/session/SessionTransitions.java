package io.weft.model.session;

import static io.weft.model.session.SessionState.CANCELLED;
import static io.weft.model.session.SessionState.CLOSED;
import static io.weft.model.session.SessionState.OPEN;
import static io.weft.model.session.SessionState.PAUSED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The one table of allowed session state changes. Every change of a session is checked against it. */
public final class SessionTransitions {

    private static final Map<SessionState, Set<SessionState>> ALLOWED = new EnumMap<>(SessionState.class);

    static {
        ALLOWED.put(OPEN, EnumSet.of(PAUSED, CLOSED, CANCELLED));
        ALLOWED.put(PAUSED, EnumSet.of(OPEN, CLOSED, CANCELLED));
        // A closed session still finishes its tasks, so it may yet be cancelled; nothing reopens it.
        ALLOWED.put(CLOSED, EnumSet.of(CANCELLED));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(SessionState.class));
    }

    private SessionTransitions() {
    }

    public static boolean isAllowed(SessionState from, SessionState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<SessionState> allowedFrom(SessionState from) {
        return Set.copyOf(ALLOWED.get(from));
    }
}
