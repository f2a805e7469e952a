package io.weft.node.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * One task type's queue on one node: due tasks wait here in priority order (then first come, first
 * served) and start as slots free up, so concurrency per type is capped at {@code slots}.
 */
final class TypeLane {

    private static final Comparator<Queued> ORDER = Comparator.comparingInt((Queued q) -> -q.task().priority())
            .thenComparingLong(Queued::sequence);

    private final String type;
    private final int slots;
    private final BiConsumer<DueTask, Runnable> starter;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(ORDER);
    private long sequence;
    private int busy;

    /**
     * @param starter starts an attempt without blocking and calls the given callback once the
     *                attempt is over and its slot free
     */
    TypeLane(String type, int slots, BiConsumer<DueTask, Runnable> starter) {
        this.type = type;
        this.slots = slots;
        this.starter = starter;
    }

    synchronized void offer(DueTask task) {
        queue.add(new Queued(task, sequence++));
        startWhatFits();
    }

    /** Empties the queue (the node stops taking tasks); returns what waited, which stays QUEUED in the grid. */
    synchronized List<DueTask> clear() {
        List<DueTask> waited = new ArrayList<>(queue.size());
        queue.forEach(q -> waited.add(q.task()));
        queue.clear();
        return waited;
    }

    /** Takes out the waiting tasks that match (those of a session just paused); returns them. */
    synchronized List<DueTask> removeIf(Predicate<DueTask> which) {
        List<DueTask> removed = new ArrayList<>();
        queue.removeIf(q -> which.test(q.task()) && removed.add(q.task()));
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

    private void startWhatFits() {
        while (busy < slots && !queue.isEmpty()) {
            DueTask next = queue.poll().task();
            busy++;
            starter.accept(next, new SlotRelease());
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

    private record Queued(DueTask task, long sequence) {
    }
}
