package io.weft.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypeLaneTest {

    /** A budget no test here fills. */
    private static final SnapshotBudget ROOMY = new SnapshotBudget(Long.MAX_VALUE / 2);

    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void higherPriorityWaitingTaskStartsFirstWhenASlotFrees() throws Exception {
        assertThat(startOrderBehindABlocker(due("low-1", 1), due("low-2", 1), due("high-1", 9), due("mid", 5), due("high-2", 9)))
                .containsExactly("high-1", "high-2", "mid", "low-1", "low-2");
    }

    @Test
    void aTaskQueuedAgainKeepsItsPlaceInLineByDueTimeThenByItsEarlierStart() throws Exception {
        assertThat(startOrderBehindABlocker(
                dueAt("due-at-3000", 5, 3_000, 1),
                dueAt("batch-first", 5, 2_000, 1),
                dueAt("batch-second", 5, 2_000, 1),
                // Both arrive last, as tasks whose worker died do, each with its due time and a new attempt.
                dueAt("requeued-due-at-1500", 5, 1_500, 2),
                dueAt("requeued-of-the-batch", 5, 2_000, 2)))
                .containsExactly("requeued-due-at-1500", "requeued-of-the-batch", "batch-first", "batch-second", "due-at-3000");
    }

    @Test
    void tasksDueTogetherStartInOneOrderOnEveryNodeWhateverOrderTheyArrivedIn() throws Exception {
        List<String> here = startOrderBehindABlocker(due("t-9f", 5), due("t-03", 5), due("t-5a", 5), due("t-c1", 5));
        List<String> elsewhere = startOrderBehindABlocker(due("t-c1", 5), due("t-5a", 5), due("t-9f", 5), due("t-03", 5));

        assertThat(elsewhere).isEqualTo(here);
        assertThat(here).containsExactly("t-03", "t-5a", "t-9f", "t-c1");
    }

    @Test
    void higherPriorityGoesFirstEvenWhenItBecameDueLater() throws Exception {
        assertThat(startOrderBehindABlocker(dueAt("low-due-early", 1, 1_000, 1), dueAt("high-due-late", 9, 9_000, 1)))
                .containsExactly("high-due-late", "low-due-early");
    }

    @Test
    void neverRunsMoreAttemptsThanItsSlots() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(200);
        TypeLane lane = new TypeLane("t", 3, ROOMY, onWorkers(task -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            done.countDown();
        }));
        for (int i = 0; i < 200; i++) {
            lane.offer(due("t" + i, i % 10), null);
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(peak.get()).isEqualTo(3);
        // The last attempts counted down just before their slots were freed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lane.busy() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(lane.busy()).isZero();
    }

    @Test
    void clearReturnsWhatWaitedAndStartsNothingMore() {
        CountDownLatch release = new CountDownLatch(1);
        TypeLane lane = new TypeLane("t", 1, ROOMY, onWorkers(task -> await(release)));
        lane.offer(due("running", 5), null);
        lane.offer(due("waiting-1", 5), null);
        lane.offer(due("waiting-2", 5), null);
        assertThat(lane.clear()).extracting(DueTask::id).containsExactlyInAnyOrder("waiting-1", "waiting-2");
        assertThat(lane.waiting()).isZero();
        release.countDown();
    }

    @Test
    void withdrawnTasksOfAPausedSessionNeverStartAndTheOthersKeepTheirOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = new ArrayList<>();
        CountDownLatch othersDone = new CountDownLatch(3);
        TypeLane lane = new TypeLane("t", 1, ROOMY, onWorkers(task -> {
            synchronized (started) {
                started.add(task.id());
            }
            if (task.id().equals("blocker")) {
                await(release);
            }
            othersDone.countDown();
        }));
        lane.offer(due("blocker", 5), null);
        lane.offer(new DueTask("paused-1", "t", 9, 1, 0, TaskStatus.QUEUED, "s-paused", null), null);
        lane.offer(due("open", 1), null);
        lane.offer(new DueTask("paused-2", "t", 9, 1, 0, TaskStatus.QUEUED, "s-paused", null), null);

        List<DueTask> withdrawn = lane.removeIf(task -> task.sessionId().equals("s-paused"));

        assertThat(withdrawn).extracting(DueTask::id).containsExactlyInAnyOrder("paused-1", "paused-2");
        release.countDown();
        // Due with "open", so the id decides: it sorts after "open", whether or not "open" started yet.
        lane.offer(due("open-offered-later", 1), null);
        assertThat(othersDone.await(10, TimeUnit.SECONDS)).isTrue();
        synchronized (started) {
            assertThat(started).containsExactly("blocker", "open", "open-offered-later");
        }
    }

    @Test
    void waitingTasksKeepTheirSnapshotsOnlyWhileTheBudgetHasRoom() throws Exception {
        Task snapshot = Task.create("snapshot", "s-1", TaskSpec.of("t", "{}"), Instant.now());
        SnapshotBudget budget = new SnapshotBudget(3 * SnapshotBudget.bytesOf(snapshot));
        CountDownLatch release = new CountDownLatch(1);
        List<String> withSnapshot = Collections.synchronizedList(new ArrayList<>());
        List<String> withoutSnapshot = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch allDone = new CountDownLatch(6);
        TypeLane lane = new TypeLane("t", 1, budget, (task, snap, done) -> workers.execute(() -> {
            (snap == null ? withoutSnapshot : withSnapshot).add(task.id());
            if (task.id().equals("t0")) {
                await(release);
            }
            done.run();
            allDone.countDown();
        }));
        // t0 starts at once and holds the one slot; of the five that wait, the first three keep theirs.
        for (int i = 0; i < 6; i++) {
            lane.offer(due("t" + i, 1), snapshot);
        }
        assertThat(budget.heldBytes()).isEqualTo(3 * SnapshotBudget.bytesOf(snapshot));
        release.countDown();

        assertThat(allDone.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(withSnapshot).containsExactly("t0", "t1", "t2", "t3");
        assertThat(withoutSnapshot).containsExactly("t4", "t5");
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void lanesShareOneSnapshotBudgetAndClearingALaneGivesItsRoomBack() {
        Task snapshot = Task.create("snapshot", "s-1", TaskSpec.of("t", "{}"), Instant.now());
        SnapshotBudget budget = new SnapshotBudget(SnapshotBudget.bytesOf(snapshot));
        List<String> withSnapshot = Collections.synchronizedList(new ArrayList<>());
        // Slots that never free, so every task after the first of each lane waits.
        TypeLane.Starter holdsTheSlot = (task, snap, done) -> {
            if (snap != null) {
                withSnapshot.add(task.id());
            }
        };
        TypeLane first = new TypeLane("a", 1, budget, holdsTheSlot);
        TypeLane second = new TypeLane("b", 1, budget, holdsTheSlot);
        first.offer(due("a-running", 1), null);
        second.offer(due("b-running", 1), null);

        first.offer(due("a-waiting", 1), snapshot);
        second.offer(due("b-waiting", 1), snapshot);
        assertThat(budget.heldBytes()).isEqualTo(SnapshotBudget.bytesOf(snapshot));

        first.clear();
        assertThat(budget.heldBytes()).isZero();
        second.offer(due("b-after-clear", 1), snapshot);
        assertThat(budget.heldBytes()).isEqualTo(SnapshotBudget.bytesOf(snapshot));
        assertThat(withSnapshot).isEmpty();
    }

    /**
     * Offers {@code waiting} in this order to a one-slot lane whose slot a blocker holds, then frees it;
     * returns the order in which the waiting tasks started.
     */
    private List<String> startOrderBehindABlocker(DueTask... waiting) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch allDone = new CountDownLatch(waiting.length);
        TypeLane lane = new TypeLane("t", 1, ROOMY, onWorkers(task -> {
            if (task.id().equals("blocker")) {
                await(release);
                return;
            }
            started.add(task.id());
            allDone.countDown();
        }));
        lane.offer(dueAt("blocker", 0, 0, 1), null);
        for (DueTask task : waiting) {
            lane.offer(task, null);
        }
        release.countDown();
        assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        return List.copyOf(started);
    }

    /** Runs each attempt on a worker thread and frees its slot when it returns, as the node does. */
    private TypeLane.Starter onWorkers(Consumer<DueTask> attempt) {
        return (task, snapshot, done) -> workers.execute(() -> {
            try {
                attempt.accept(task);
            } finally {
                done.run();
            }
        });
    }

    private static DueTask due(String id, int priority) {
        return dueAt(id, priority, 0, 1);
    }

    private static DueTask dueAt(String id, int priority, long dueAtMillis, int attempt) {
        return new DueTask(id, "t", priority, attempt, dueAtMillis, TaskStatus.QUEUED, "s-1", null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
