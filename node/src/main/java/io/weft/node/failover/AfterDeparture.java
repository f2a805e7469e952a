package io.weft.node.failover;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs work after a member left: after a delay, and once the partitions it owned are served again (a
 * query while they are promoted can miss them), or after {@link #SETTLE_LIMIT} whatever their state.
 * It waits by rescheduling, so it holds no thread of the executor meanwhile.
 */
public final class AfterDeparture {

    /** The longest the work waits for the partitions to settle. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
    private static final long SETTLE_POLL_MILLIS = 200;

    private AfterDeparture() {
    }

    public static void run(HazelcastInstance hazelcast, ScheduledExecutorService executor, Duration delay, Runnable work) {
        schedule(hazelcast, executor, delay.toMillis(), System.nanoTime() + delay.toNanos() + SETTLE_LIMIT.toNanos(), work);
    }

    private static void schedule(HazelcastInstance hazelcast, ScheduledExecutorService executor, long delayMillis,
                                 long deadline, Runnable work) {
        try {
            executor.schedule(() -> {
                if (hazelcast.getPartitionService().isClusterSafe() || System.nanoTime() > deadline) {
                    work.run();
                } else if (hazelcast.getLifecycleService().isRunning()) {
                    schedule(hazelcast, executor, SETTLE_POLL_MILLIS, deadline, work);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // This member is shutting down too.
        }
    }
}
