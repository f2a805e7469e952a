package io.weft.model.session;

import java.util.Set;
import java.util.TreeSet;

/** A session state change the transition table does not allow, such as CLOSED to PAUSED. */
public class IllegalSessionTransitionException extends IllegalStateException {

    private final SessionState from;
    private final SessionState to;

    public IllegalSessionTransitionException(String sessionId, SessionState from, SessionState to) {
        super("session " + sessionId + " is " + from + " and cannot become " + to + "; " + allowed(from));
        this.from = from;
        this.to = to;
    }

    private static String allowed(SessionState from) {
        Set<SessionState> next = new TreeSet<>(SessionTransitions.allowedFrom(from));
        return next.isEmpty() ? from + " is final" : "from " + from + " it may become " + next;
    }

    public SessionState from() {
        return from;
    }

    public SessionState to() {
        return to;
    }
}
