package io.weft.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;

/**
 * Reads this member's view of the cluster for readiness and metrics, cheaply enough for every probe:
 * the member list and the local partition table, and whether a migration runs (told by Hazelcast's
 * migration events, not asked of other members).
 */
public final class ClusterWatch implements MigrationListener {

    private final HazelcastInstance hazelcast;
    private final Quorum quorum;
    private final PartitionLosses losses;
    private final LossRecorder recorder;
    private volatile boolean migrating;

    public ClusterWatch(HazelcastInstance hazelcast, Quorum quorum, PartitionLosses losses, LossRecorder recorder) {
        this.hazelcast = hazelcast;
        this.quorum = quorum;
        this.losses = losses;
        this.recorder = recorder;
    }

    public ClusterWatch start() {
        hazelcast.getPartitionService().addMigrationListener(this);
        return this;
    }

    public ClusterState state() {
        return new ClusterState(quorum.seen(), quorum.expected(), quorum.size(), quorum.present(), unowned(), migrating,
                losses.unreported(), recorder.recorded());
    }

    public Quorum quorum() {
        return quorum;
    }

    private int unowned() {
        try {
            int count = 0;
            for (Partition partition : hazelcast.getPartitionService().getPartitions()) {
                if (partition.getOwner() == null) {
                    count++;
                }
            }
            return count;
        } catch (HazelcastInstanceNotActiveException e) {
            return 0;
        }
    }

    @Override
    public void migrationStarted(MigrationState state) {
        migrating = true;
    }

    @Override
    public void migrationFinished(MigrationState state) {
        migrating = false;
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        // The process as a whole is what readiness follows.
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
        // The process as a whole is what readiness follows.
    }
}
