package io.weft.node.execution;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempts' timers (when to write an attempt's start, when it times out), fired by one tick every
 * {@link #TICK} instead of being scheduled one by one. Nearly every attempt sets a timer and clears it
 * microseconds later, and a timer scheduled into an empty queue wakes the timer thread each time: more
 * than half a thread switch per no-op attempt, measured (docs/benchmarks.md, item 13). Setting one here
 * is a put into a set, and a timer fires up to a tick late.
 */
final class AttemptTimers {

    static final Duration TICK = Duration.ofMillis(10);
    private static final Logger LOG = LoggerFactory.getLogger(AttemptTimers.class);

    private final Set<Timer> pending = ConcurrentHashMap.newKeySet();

    /** @param duties the node's timer thread, which runs the tick and the timers' actions */
    AttemptTimers(ScheduledExecutorService duties) {
        duties.scheduleAtFixedRate(this::fireDue, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} on the timer thread once {@code after} has passed, unless cancelled first. */
    Timer set(Runnable action, Duration after) {
        Timer timer = new Timer(action, System.nanoTime() + after.toNanos());
        pending.add(timer);
        return timer;
    }

    int pending() {
        return pending.size();
    }

    private void fireDue() {
        long now = System.nanoTime();
        for (Timer timer : pending) {
            if (now - timer.dueNanos >= 0 && pending.remove(timer)) {
                try {
                    timer.action.run();
                } catch (RuntimeException e) {
                    // One failed action must not stop the tick, which every other attempt's timer needs.
                    LOG.warn("an attempt's timer failed", e);
                }
            }
        }
    }

    /** One timer; identity is what tells two apart. */
    final class Timer {
        private final Runnable action;
        private final long dueNanos;

        private Timer(Runnable action, long dueNanos) {
            this.action = action;
            this.dueNanos = dueNanos;
        }

        void cancel() {
            pending.remove(this);
        }
    }
}
