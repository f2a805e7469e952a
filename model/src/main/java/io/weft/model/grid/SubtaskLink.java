package io.weft.model.grid;

import io.weft.model.Checks;

/**
 * A subtask's place in its tree, kept in {@link GridNames#SUBTASKS} under the subtask's id, so that a
 * task's subtasks are found by an index that only subtasks pay for (an index on the tasks map would
 * be rewritten by every change of every task).
 *
 * @param parentId  the task that submitted it
 * @param sessionId the session of both, so that a purge finds the links
 */
public record SubtaskLink(String parentId, String sessionId) {

    public SubtaskLink {
        Checks.id("parentId", parentId);
        Checks.id("sessionId", sessionId);
    }
}
