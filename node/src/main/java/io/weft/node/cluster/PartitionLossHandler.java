package io.weft.node.cluster;

import com.hazelcast.cluster.Member;
import java.time.Instant;
import java.util.Set;

/**
 * What a node does when a partition lost every replica (more members died at once than it had
 * backups). Registered through {@code WeftNode.partitionLosses()}; every handler is called once per
 * lost partition on each node, off Hazelcast's event threads, in the order registered. The default,
 * always first, records the loss ({@link LossRecorder}): logged once at ERROR, counted, kept in
 * {@code weft.lost-partitions} so that the ids it held answer 410. A durable store registers a handler
 * that reloads the partition's entries from the store and then calls {@link LossRecorder#recovered}.
 */
@FunctionalInterface
public interface PartitionLossHandler {

    /**
     * @param partitionId the partition whose every replica was lost
     * @param gone        the members that left shortly before it was lost
     * @param at          when this node heard of the loss
     */
    void partitionLost(int partitionId, Set<Member> gone, Instant at);
}
