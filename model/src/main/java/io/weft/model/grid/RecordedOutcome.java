package io.weft.model.grid;

import io.weft.model.task.Task;

/**
 * The answer of a completion that was written ({@link CompleteAttempt}): the task after it, or
 * {@code null} when that is the task the worker predicted, which it holds already. An answer is
 * serialised even on the same member, and the task is the largest record the grid keeps.
 */
public record RecordedOutcome(Task unpredicted) {

    /** The task after the outcome: the one answered, else the worker's prediction. */
    public Task taskOr(Task predicted) {
        return unpredicted != null ? unpredicted : predicted;
    }
}
