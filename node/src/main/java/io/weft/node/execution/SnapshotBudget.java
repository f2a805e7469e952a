package io.weft.node.execution;

import io.weft.model.task.Task;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that waiting tasks' snapshots may hold, all of a node's lanes together. A task that waits
 * with its snapshot starts without reading its task again, which saves a grid call and a thread
 * hand-off per attempt; past the budget a waiting task is read when it starts. The node's budget is
 * {@link #HEAP_SHARE} of its maximum heap: 256 MiB, about 650,000 small tasks, on a 4 GiB heap.
 */
final class SnapshotBudget {

    /** The share of the maximum heap that the node's snapshots may hold. */
    static final double HEAP_SHARE = 1.0 / 16;
    /** What a snapshot holds beside its input, about: the task record, its spec, options and history. */
    static final int BYTES_BESIDE_INPUT = 400;

    private final long limitBytes;
    private final AtomicLong heldBytes = new AtomicLong();

    SnapshotBudget(long limitBytes) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("a snapshot budget is at least 0 bytes, not " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** The budget of a node whose heap is this JVM's. */
    static SnapshotBudget ofThisHeap() {
        return new SnapshotBudget((long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    /** About how much heap {@code snapshot} holds (its input's characters take a byte each, mostly). */
    static long bytesOf(Task snapshot) {
        return BYTES_BESIDE_INPUT + snapshot.spec().input().length();
    }

    /** Reserves {@code bytes} if the budget has room for them; {@code false} if it has not. */
    boolean take(long bytes) {
        long held;
        do {
            held = heldBytes.get();
            if (held + bytes > limitBytes) {
                return false;
            }
        } while (!heldBytes.compareAndSet(held, held + bytes));
        return true;
    }

    /** Gives back what {@link #take} reserved, once the snapshot is no longer kept. */
    void giveBack(long bytes) {
        heldBytes.addAndGet(-bytes);
    }

    long heldBytes() {
        return heldBytes.get();
    }
}
