package io.weft.model.task;

import io.weft.model.Checks;

/**
 * A task's largest input once all of them are ready: the task runs on the member that owns it, so
 * its biggest read is local. What a WAITING task still waits for is not here but in its
 * {@link InputTally}, so that each settling input rewrites a few bytes rather than the task.
 *
 * @param largest      the id of its largest input, or {@code null} (no inputs, or not ready yet)
 * @param largestBytes that input's size
 */
public record Inputs(String largest, long largestBytes) {

    public static final Inputs NONE = new Inputs(null, 0);

    public Inputs {
        Checks.optionalId("largest", largest);
        Checks.atLeast("largestBytes", largestBytes, 0);
    }
}
