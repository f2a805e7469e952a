package io.weft.model.task;

import io.weft.model.Checks;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which inputs a WAITING task with several of them still waits for: one bit per position in its
 * {@code dependsOn}, and the largest input ready so far. It lives beside the task (in
 * {@code weft.inputs}, under the task's id) so that an input settling clears one bit in a small
 * entry instead of rewriting a task record that names every input: a fan-in of <i>n</i> costs
 * O(n) bytes, not O(n²). Clearing a bit is idempotent, so an input told twice counts once.
 *
 * @param sessionId    the task's session, so that a purge finds its tallies
 * @param pending      bit <i>i</i> set while input <i>i</i> is not COMPLETED
 * @param largest      the largest input COMPLETED so far, or {@code null}
 * @param largestBytes its size
 */
public record InputTally(String sessionId, BitSet pending, String largest, long largestBytes) {

    public InputTally {
        Checks.id("sessionId", sessionId);
        pending = (BitSet) Checks.notNull("pending", pending).clone();
        Checks.optionalId("largest", largest);
        Checks.atLeast("largestBytes", largestBytes, 0);
    }

    /** A new tally: every one of {@code inputs} inputs pending. */
    public static InputTally allPending(String sessionId, int inputs) {
        Checks.atLeast("inputs", inputs, 1);
        BitSet all = new BitSet(inputs);
        all.set(0, inputs);
        return new InputTally(sessionId, all, null, 0);
    }

    /**
     * Whether a task of {@code spec} has a tally while it waits: only with several inputs. The
     * settling of a task's only input is its readiness, so that one is told to the task directly.
     */
    public static boolean isKeptFor(TaskSpec spec) {
        return spec.dependsOn().size() > 1;
    }

    public boolean isPending(int input) {
        return pending.get(input);
    }

    public boolean allReady() {
        return pending.isEmpty();
    }

    /** Input {@code input} ({@code resultId}, {@code bytes} long) is COMPLETED; the same tally if it already was. */
    public InputTally ready(int input, String resultId, long bytes) {
        if (!pending.get(input)) {
            return this;
        }
        BitSet rest = (BitSet) pending.clone();
        rest.clear(input);
        boolean larger = largest == null || bytes > largestBytes;
        return new InputTally(sessionId, rest, larger ? resultId : largest, larger ? bytes : largestBytes);
    }

    /** The ids of the inputs still pending, read from the task's {@code dependsOn}. */
    public List<String> pendingIds(List<String> dependsOn) {
        List<String> ids = new ArrayList<>(pending.cardinality());
        pending.stream().filter(i -> i < dependsOn.size()).forEach(i -> ids.add(dependsOn.get(i)));
        return ids;
    }

    /** The inputs once all are ready: what the task keeps. */
    public Inputs largestInput() {
        return new Inputs(largest, largestBytes);
    }

    @Override
    public BitSet pending() {
        return (BitSet) pending.clone();
    }

    @Override
    public String toString() {
        return "InputTally[sessionId=" + sessionId + ", pending=" + pending.cardinality() + ", largest=" + largest + "]";
    }
}
