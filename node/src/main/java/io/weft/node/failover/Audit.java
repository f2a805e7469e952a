package io.weft.node.failover;

import com.hazelcast.core.HazelcastInstance;
import io.weft.node.cluster.Quorum;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic pass over this node's partitions that does what an event lost with a member, or a member
 * that died halfway, left undone. A failed pass is logged and left to the next one; while the member
 * shuts down it is not even logged. A member without the quorum (the minority of a split) skips its
 * passes: what it would put right is the majority's to do, and its copy merges into theirs.
 */
public abstract class Audit implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final HazelcastInstance hazelcast;
    private final String name;
    private final Quorum quorum;

    /** @param name how the log names this audit */
    protected Audit(HazelcastInstance hazelcast, String name) {
        this.hazelcast = hazelcast;
        this.name = name;
        this.quorum = Quorum.of(hazelcast);
    }

    /** One pass; returns how many tasks it put right. */
    public abstract int audit();

    /** Runs a pass after a member left, once the cluster is safe again (see {@link AfterDeparture#run}). */
    public void runAfterDeparture(ScheduledExecutorService executor, Duration delay) {
        AfterDeparture.run(hazelcast, executor, delay, this);
    }

    /** Runs a pass after a member left, once its partitions have live owners (see {@link AfterDeparture#runOncePromoted}). */
    public void runOncePromoted(ScheduledExecutorService executor) {
        AfterDeparture.runOncePromoted(hazelcast, executor, this);
    }

    @Override
    public final void run() {
        if (!quorum.present()) {
            LOG.debug("{} skipped: this member sees {} of the {} members the quorum needs", name, quorum.seen(), quorum.size());
            return;
        }
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
