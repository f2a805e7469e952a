package io.weft.model.session;

import io.weft.model.Checks;
import io.weft.model.task.TaskOptions;
import java.time.Instant;
import java.util.Map;

/**
 * A container for tasks and results.
 *
 * @param defaults the options of a task submitted into it without options of its own (over HTTP,
 *                 field by field: a task's own fields win)
 */
public record Session(String id, String name, Map<String, String> labels, SessionState state, Instant createdAt,
                      TaskOptions defaults) {

    public static final int MAX_NAME_CHARS = 256;

    public Session {
        Checks.id("id", id);
        Checks.text("name", name == null ? "" : name, MAX_NAME_CHARS);
        name = name == null ? "" : name;
        labels = labels == null ? Map.of() : Checks.labels("labels", labels);
        Checks.notNull("state", state);
        Checks.notNull("createdAt", createdAt);
        defaults = defaults == null ? TaskOptions.DEFAULTS : defaults;
    }

    public Session(String id, String name, Map<String, String> labels, SessionState state, Instant createdAt) {
        this(id, name, labels, state, createdAt, null);
    }

    /** The one guarded way to change a session's state: checks {@link SessionTransitions}. */
    public Session moveTo(SessionState target) {
        Checks.notNull("state", target);
        if (!SessionTransitions.isAllowed(state, target)) {
            throw new IllegalSessionTransitionException(id, state, target);
        }
        return new Session(id, name, labels, target, createdAt, defaults);
    }
}
