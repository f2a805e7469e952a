package io.weft.model.task;

import io.weft.model.Checks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a task still waits for, and which of its ready inputs is the largest: the task runs on the
 * member that owns that one, so its biggest read is local.
 *
 * @param pending      ids of the {@code dependsOn} results not yet COMPLETED
 * @param largest      the id of the largest input known to be COMPLETED so far, or {@code null}
 * @param largestBytes its size
 */
public record Inputs(List<String> pending, String largest, long largestBytes) {

    public static final Inputs NONE = new Inputs(List.of(), null, 0);

    public Inputs {
        pending = List.copyOf(Checks.notNull("pending", pending));
        Checks.optionalId("largest", largest);
        Checks.atLeast("largestBytes", largestBytes, 0);
    }

    /** A new task waits for each of its dependencies once, however often it names one. */
    public static Inputs waitingFor(List<String> dependsOn) {
        return dependsOn.isEmpty() ? NONE : new Inputs(List.copyOf(new LinkedHashSet<>(dependsOn)), null, 0);
    }

    public boolean isWaitingFor(String resultId) {
        return pending.contains(resultId);
    }

    public boolean allReady() {
        return pending.isEmpty();
    }

    /** {@code resultId} is COMPLETED with {@code bytes}: it no longer waits for it. */
    public Inputs ready(String resultId, long bytes) {
        List<String> rest = new ArrayList<>(pending);
        rest.remove(resultId);
        boolean larger = largest == null || bytes > largestBytes;
        return new Inputs(rest, larger ? resultId : largest, larger ? bytes : largestBytes);
    }
}
