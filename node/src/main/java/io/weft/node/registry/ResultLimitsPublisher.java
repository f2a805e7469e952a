package io.weft.node.registry;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.grid.PublishedLimits;
import io.weft.model.result.ResultLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this node's {@link ResultLimits} into the grid, where every client and gateway reads them.
 * Every node publishes at start, so the last one to start wins: nodes are meant to share one
 * configuration, and a node that finds other numbers says so. After a member leaves it publishes
 * again if the entry was lost with the member that held it and its backup.
 */
public final class ResultLimitsPublisher implements MembershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(ResultLimitsPublisher.class);

    private final HazelcastInstance hazelcast;
    private final ResultLimits limits;

    public ResultLimitsPublisher(HazelcastInstance hazelcast, ResultLimits limits) {
        this.hazelcast = hazelcast;
        this.limits = limits;
    }

    public void start() {
        ResultLimits previous = PublishedLimits.publish(hazelcast, limits);
        if (previous != null && !previous.equals(limits)) {
            LOG.warn("this node's result limits {} replace different ones {}: give every node the same settings",
                    limits, previous);
        }
        hazelcast.getCluster().addMembershipListener(this);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        try {
            PublishedLimits.publishIfAbsent(hazelcast, limits);
        } catch (RuntimeException e) {
            LOG.debug("could not re-publish the result limits after {} left", event.getMember(), e);
        }
    }
}
