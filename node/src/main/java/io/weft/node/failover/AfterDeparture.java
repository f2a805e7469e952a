package io.weft.node.failover;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs work after a member left, once the partitions it owned are served again, or after
 * {@link #SETTLE_LIMIT} whatever their state. It waits by rescheduling, so it holds no thread of the
 * executor meanwhile. Two points are offered: {@link #run} waits for the cluster to be safe (every
 * backup in place again, no migration running), which under load takes seconds; {@link #runOncePromoted}
 * only until every partition has a live owner again, a few milliseconds, for work that reads this
 * member's own partitions and can bear one moving away during it.
 */
public final class AfterDeparture {

    /** The longest the work waits for the partitions to settle. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
    private static final long SAFE_POLL_MILLIS = 200;
    private static final long PROMOTED_POLL_MILLIS = 20;

    private AfterDeparture() {
    }

    /** After {@code delay}, once the cluster is safe: a query then misses none of the partitions. */
    public static void run(HazelcastInstance hazelcast, ScheduledExecutorService executor, Duration delay, Runnable work) {
        BooleanSupplier safe = () -> hazelcast.getPartitionService().isClusterSafe();
        schedule(hazelcast, executor, delay.toMillis(), SAFE_POLL_MILLIS, deadline(delay), safe, work);
    }

    /** As soon as every partition's owner is a live member: the lost member's backups have been promoted. */
    public static void runOncePromoted(HazelcastInstance hazelcast, ScheduledExecutorService executor, Runnable work) {
        schedule(hazelcast, executor, 0, PROMOTED_POLL_MILLIS, deadline(Duration.ZERO), () -> everyPartitionOwned(hazelcast), work);
    }

    private static boolean everyPartitionOwned(HazelcastInstance hazelcast) {
        Set<Member> members = hazelcast.getCluster().getMembers();
        for (Partition partition : hazelcast.getPartitionService().getPartitions()) {
            Member owner = partition.getOwner();
            if (owner == null || !members.contains(owner)) {
                return false;
            }
        }
        return true;
    }

    private static long deadline(Duration delay) {
        return System.nanoTime() + delay.toNanos() + SETTLE_LIMIT.toNanos();
    }

    private static void schedule(HazelcastInstance hazelcast, ScheduledExecutorService executor, long delayMillis,
                                 long pollMillis, long deadline, BooleanSupplier ready, Runnable work) {
        try {
            executor.schedule(() -> {
                if (ready.getAsBoolean() || System.nanoTime() > deadline) {
                    work.run();
                } else if (hazelcast.getLifecycleService().isRunning()) {
                    schedule(hazelcast, executor, pollMillis, pollMillis, deadline, ready, work);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // This member is shutting down too.
        }
    }
}
