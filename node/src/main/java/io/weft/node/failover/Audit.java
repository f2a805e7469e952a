package io.weft.node.failover;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic pass over this node's partitions that does what an event lost with a member, or a member
 * that died halfway, left undone. A failed pass is logged and left to the next one; while the member
 * shuts down it is not even logged.
 */
public abstract class Audit implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    /** The longest a pass after a departure waits for the partitions to settle. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
    private static final long SETTLE_POLL_MILLIS = 200;

    private final HazelcastInstance hazelcast;
    private final String name;

    /** @param name how the log names this audit */
    protected Audit(HazelcastInstance hazelcast, String name) {
        this.hazelcast = hazelcast;
        this.name = name;
    }

    /** One pass; returns how many tasks it put right. */
    public abstract int audit();

    /**
     * Runs a pass after a member left: after {@code delay}, and once the partitions it owned are served
     * again (a query while they are promoted can miss them), or after {@link #SETTLE_LIMIT} whatever
     * their state. It waits by rescheduling, so it holds no thread of {@code executor} meanwhile.
     */
    public void runAfterDeparture(ScheduledExecutorService executor, Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos() + SETTLE_LIMIT.toNanos();
        schedule(executor, delay.toMillis(), deadline);
    }

    private void schedule(ScheduledExecutorService executor, long delayMillis, long deadline) {
        try {
            executor.schedule(() -> {
                if (hazelcast.getPartitionService().isClusterSafe() || System.nanoTime() > deadline) {
                    run();
                } else if (hazelcast.getLifecycleService().isRunning()) {
                    schedule(executor, SETTLE_POLL_MILLIS, deadline);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // This member is shutting down too.
        }
    }

    @Override
    public final void run() {
        try {
            int count = audit();
            if (count > 0) {
                LOG.info("{} put right {} tasks that a lost event or a dead member had left undone", name, count);
            }
        } catch (RuntimeException e) {
            if (hazelcast.getLifecycleService().isRunning()) {
                LOG.warn("{} failed; the next pass tries again", name, e);
            }
        }
    }
}
