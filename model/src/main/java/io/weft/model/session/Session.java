package io.weft.model.session;

import io.weft.model.Checks;
import java.time.Instant;
import java.util.Map;

/** A container for tasks and results. */
public record Session(String id, String name, Map<String, String> labels, SessionState state, Instant createdAt) {

    public static final int MAX_NAME_CHARS = 256;

    public Session {
        Checks.id("id", id);
        Checks.text("name", name == null ? "" : name, MAX_NAME_CHARS);
        name = name == null ? "" : name;
        labels = labels == null ? Map.of() : Checks.labels("labels", labels);
        Checks.notNull("state", state);
        Checks.notNull("createdAt", createdAt);
    }

    /** The one guarded way to change a session's state: checks {@link SessionTransitions}. */
    public Session moveTo(SessionState target) {
        Checks.notNull("state", target);
        if (!SessionTransitions.isAllowed(state, target)) {
            throw new IllegalSessionTransitionException(id, state, target);
        }
        return new Session(id, name, labels, target, createdAt);
    }
}
