package io.weft.client;

import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.task.TaskStatus;
import java.time.Instant;

/**
 * One page of a session's tasks for {@link Tasks#page}: optionally of one status and one type, the
 * first {@code limit} created after a position (oldest first, then by id), so a page stays stable while
 * tasks are added.
 *
 * @param status         only tasks in this status, or {@code null} for all
 * @param type           only tasks of this type, or {@code null} for all
 * @param afterCreatedAt with {@code afterId}, the position of the last task of the previous page; both
 *                       {@code null} for the first page
 */
public record TaskQuery(String sessionId, TaskStatus status, String type, Instant afterCreatedAt, String afterId,
                        int limit) {

    public static final int MAX_LIMIT = 10_000;

    public TaskQuery {
        Checks.id("sessionId", sessionId);
        if (type != null) {
            Checks.text("type", type, 256);
        }
        if ((afterCreatedAt == null) != (afterId == null)) {
            throw new InvalidValueException("afterId", "goes with afterCreatedAt: give both or neither");
        }
        if (afterId != null) {
            Checks.id("afterId", afterId);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The first page: every task of the session, at most {@code limit}. */
    public static TaskQuery first(String sessionId, int limit) {
        return new TaskQuery(sessionId, null, null, null, null, limit);
    }
}
