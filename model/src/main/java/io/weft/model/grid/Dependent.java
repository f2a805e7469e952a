package io.weft.model.grid;

import io.weft.model.Checks;

/**
 * A WAITING task registered under one of its inputs in {@link GridNames#DEPENDENTS}: which task, and
 * which of its inputs that result is (its position in the task's {@code dependsOn}), so that the
 * result settling clears that one bit of the task's {@code InputTally} without reading the task.
 *
 * @param taskId    the waiting task
 * @param input     the result's position in the task's {@code dependsOn}
 * @param onlyInput whether it is the task's only input (then the task has no tally: this result
 *                  settling is its readiness)
 */
public record Dependent(String taskId, int input, boolean onlyInput) {

    public Dependent {
        Checks.id("taskId", taskId);
        Checks.atLeast("input", input, 0);
    }
}
