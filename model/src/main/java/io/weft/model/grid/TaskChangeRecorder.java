package io.weft.model.grid;

import io.weft.model.task.Task;

/**
 * Takes note of a task's status change, for the session's task counts. The node implements it (it
 * batches the changes); code the grid runs on a member finds it in the member's user context under
 * {@link UserContextKeys#TASK_CHANGES}.
 */
public interface TaskChangeRecorder {

    /** {@code changed} was just changed by an entry processor: its latest history entry is the change. */
    void record(Task changed);
}
