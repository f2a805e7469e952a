package io.weft.node.execution;

/**
 * Lets a worker thread whose attempt has just ended run the next attempt its freed slot starts, instead
 * of handing that attempt to another worker. Under a backlog every ended attempt starts the next one,
 * and a hand-off wakes one thread and parks another: on two cores, as much time as a no-op attempt
 * itself (docs/benchmarks.md, item 13).
 *
 * <p>Only an attempt that would be handed to a worker at once is taken, and only one per release; it
 * runs after the release has returned, outside the lane's lock, on the thread that released.
 */
final class WorkerContinuation {

    /** The attempt this thread runs once its release returns; set only while it releases a slot. */
    private static final ThreadLocal<Runnable[]> NEXT = new ThreadLocal<>();

    private WorkerContinuation() {
    }

    /**
     * Runs {@code release} (which frees a slot and may start the next waiting attempt) and then, on this
     * thread, the attempt it asked to run here, if any. For a worker thread only, and only where it
     * holds no lock and runs no handler: the attempt runs here before this returns.
     */
    static void release(Runnable release) {
        Runnable[] next = new Runnable[1];
        NEXT.set(next);
        try {
            release.run();
        } finally {
            NEXT.remove();
        }
        if (next[0] != null) {
            next[0].run();
        }
    }

    /**
     * Takes {@code attempt} to run on this thread once its release returns, if this thread is releasing
     * a slot and has taken none yet; {@code false} means the caller hands it to a worker.
     */
    static boolean runNextHere(Runnable attempt) {
        Runnable[] next = NEXT.get();
        if (next == null || next[0] != null) {
            return false;
        }
        next[0] = attempt;
        return true;
    }
}
