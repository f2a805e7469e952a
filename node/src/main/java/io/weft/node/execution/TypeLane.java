package io.weft.node.execution;

import io.weft.model.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * One task type's queue on one node: due tasks wait here in priority order, then in the order they
 * became due, and start as slots free up, so concurrency per type is capped at {@code slots}. Among
 * tasks due at the same instant, one on a later attempt goes first, then the task's id decides.
 *
 * <p>Not arrival, because arrival here is an accident of where and when a task's signal reached this
 * node. A task whose worker died is queued again with its due time and a new attempt: it was ahead in
 * the cluster's line when it first started, so it goes ahead of what became due after it and of the
 * first attempts due with it (a batch shares one due time), rather than behind everything this node was
 * told of meanwhile (docs/benchmarks.md, item 15). The id breaks the last ties because every node
 * breaks them alike: an attempt whose start the grid had not yet been told of when its member died
 * comes back as a first attempt among that member's backlog, and it had started because it was at the
 * head of that backlog, so it is at or near the head of it again here, not wherever it lands (item 16).
 *
 * <p>A task may wait with its snapshot (the task as this node inserted it), so that it starts without
 * reading it again, while the node's {@link SnapshotBudget}, which all its lanes share, has room for it;
 * the others are read when they start.
 */
final class TypeLane {

    private static final Comparator<Queued> ORDER = Comparator.comparingInt((Queued q) -> -q.task().priority())
            .thenComparingLong(q -> q.task().dueAtMillis())
            .thenComparingInt(q -> -q.task().attempt())
            .thenComparing(q -> q.task().id());

    private final String type;
    private final int slots;
    private final SnapshotBudget snapshots;
    private final Starter starter;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(ORDER);
    private int busy;

    /**
     * @param starter starts an attempt without blocking and calls the given callback once the
     *                attempt is over and its slot free
     */
    TypeLane(String type, int slots, SnapshotBudget snapshots, Starter starter) {
        this.type = type;
        this.slots = slots;
        this.snapshots = snapshots;
        this.starter = starter;
    }

    /** Queues a due task, with its snapshot ({@code null} if none) while the node's budget has room for it. */
    synchronized void offer(DueTask task, Task snapshot) {
        long bytes = snapshot == null ? 0 : SnapshotBudget.bytesOf(snapshot);
        boolean kept = snapshot != null && snapshots.take(bytes);
        queue.add(new Queued(task, kept ? snapshot : null, kept ? bytes : 0));
        startWhatFits();
    }

    /** Empties the queue (the node stops taking tasks); returns what waited, which stays QUEUED in the grid. */
    synchronized List<DueTask> clear() {
        List<DueTask> waited = new ArrayList<>(queue.size());
        queue.forEach(q -> {
            waited.add(q.task());
            forget(q);
        });
        queue.clear();
        return waited;
    }

    /** Takes out the waiting tasks that match (those of a session just paused); returns them. */
    synchronized List<DueTask> removeIf(Predicate<DueTask> which) {
        List<DueTask> removed = new ArrayList<>();
        queue.removeIf(q -> {
            if (!which.test(q.task())) {
                return false;
            }
            removed.add(q.task());
            forget(q);
            return true;
        });
        return removed;
    }

    synchronized int waiting() {
        return queue.size();
    }

    synchronized int busy() {
        return busy;
    }

    int slots() {
        return slots;
    }

    String type() {
        return type;
    }

    /** A task leaves the queue: its snapshot, if it had one, is no longer kept. */
    private void forget(Queued queued) {
        snapshots.giveBack(queued.snapshotBytes());
    }

    private void startWhatFits() {
        while (busy < slots && !queue.isEmpty()) {
            Queued next = queue.poll();
            forget(next);
            busy++;
            starter.start(next.task(), next.snapshot(), new SlotRelease());
        }
    }

    /** Frees the slot once, however many times it is called. */
    private final class SlotRelease implements Runnable {
        private boolean released;

        @Override
        public void run() {
            synchronized (TypeLane.this) {
                if (released) {
                    return;
                }
                released = true;
                busy--;
                startWhatFits();
            }
        }
    }

    private record Queued(DueTask task, Task snapshot, long snapshotBytes) {
    }

    /** Starts an attempt. */
    @FunctionalInterface
    interface Starter {
        /**
         * Starts an attempt of {@code task} without blocking ({@code snapshot}: the task as this node
         * last saw it, or {@code null}), and calls {@code done} once it is over and its slot free.
         */
        void start(DueTask task, Task snapshot, Runnable done);
    }
}
