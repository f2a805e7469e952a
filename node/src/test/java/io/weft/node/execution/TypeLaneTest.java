package io.weft.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypeLaneTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void higherPriorityWaitingTaskStartsFirstWhenASlotFrees() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = new ArrayList<>();
        CountDownLatch allDone = new CountDownLatch(6);
        TypeLane lane = new TypeLane("t", 1, onWorkers(task -> {
            synchronized (started) {
                started.add(task.id());
            }
            if (task.id().equals("blocker")) {
                await(release);
            }
            allDone.countDown();
        }));
        lane.offer(due("blocker", 5));
        lane.offer(due("low-1", 1));
        lane.offer(due("low-2", 1));
        lane.offer(due("high-1", 9));
        lane.offer(due("mid", 5));
        lane.offer(due("high-2", 9));
        release.countDown();
        assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(started).containsExactly("blocker", "high-1", "high-2", "mid", "low-1", "low-2");
    }

    @Test
    void neverRunsMoreAttemptsThanItsSlots() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(200);
        TypeLane lane = new TypeLane("t", 3, onWorkers(task -> {
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
            lane.offer(due("t" + i, i % 10));
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(peak.get()).isEqualTo(3);
        // The last attempts count down before their slots are released.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> lane.busy() == 0);
    }

    @Test
    void clearReturnsWhatWaitedAndStartsNothingMore() {
        CountDownLatch release = new CountDownLatch(1);
        TypeLane lane = new TypeLane("t", 1, onWorkers(task -> await(release)));
        lane.offer(due("running", 5));
        lane.offer(due("waiting-1", 5));
        lane.offer(due("waiting-2", 5));
        assertThat(lane.clear()).extracting(DueTask::id).containsExactlyInAnyOrder("waiting-1", "waiting-2");
        assertThat(lane.waiting()).isZero();
        release.countDown();
    }

    /** Runs each attempt on a worker thread and frees its slot when it returns, as the node does. */
    private BiConsumer<DueTask, Runnable> onWorkers(Consumer<DueTask> attempt) {
        return (task, done) -> workers.execute(() -> {
            try {
                attempt.accept(task);
            } finally {
                done.run();
            }
        });
    }

    private static DueTask due(String id, int priority) {
        return new DueTask(id, "t", priority, 1, 0, TaskStatus.QUEUED, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
