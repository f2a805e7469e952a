package io.weft.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttemptTimersTest {

    private final ScheduledExecutorService duties = Executors.newSingleThreadScheduledExecutor();
    private final AttemptTimers timers = new AttemptTimers(duties);

    @AfterEach
    void stopDuties() {
        duties.shutdownNow();
    }

    @Test
    void timerFiresOnceItsTimeHasPassedAndNotBefore() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicLong firedAfterNanos = new AtomicLong();
        long setAt = System.nanoTime();
        timers.set(() -> {
            firedAfterNanos.set(System.nanoTime() - setAt);
            fired.countDown();
        }, Duration.ofMillis(30));

        assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(firedAfterNanos.get()).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        assertThat(timers.pending()).isZero();
    }

    @Test
    void cancelledTimerNeverFiresAndLeavesAtOnce() throws Exception {
        AtomicBoolean fired = new AtomicBoolean();
        AttemptTimers.Timer timer = timers.set(() -> fired.set(true), Duration.ofMillis(20));
        timer.cancel();
        assertThat(timers.pending()).isZero();

        // A later timer firing shows the tick has passed the cancelled one's time.
        CountDownLatch later = new CountDownLatch(1);
        timers.set(later::countDown, Duration.ofMillis(60));
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).isFalse();
    }

    @Test
    void aFailingTimerDoesNotStopTheOthers() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        timers.set(() -> {
            throw new IllegalStateException("boom");
        }, Duration.ofMillis(1));
        timers.set(second::countDown, Duration.ofMillis(40));
        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
