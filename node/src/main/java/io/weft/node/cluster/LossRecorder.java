package io.weft.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.cluster.LostPartition;
import io.weft.model.grid.GridNames;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link PartitionLossHandler}: records each lost partition once in
 * {@link GridNames#LOST_PARTITIONS} (the first node to write it logs it at ERROR with the maps and the
 * backups they had, and counts it in {@code weft_partitions_lost_total}), then has the sessions' task
 * counts recounted. A side of a split without the quorum records nothing: the partitions it lacks are
 * on the other side, and would merge back; it says so at WARN.
 */
public final class LossRecorder implements PartitionLossHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LossRecorder.class);

    private final HazelcastInstance hazelcast;
    private final IMap<Integer, String> lost;
    private final Quorum quorum;
    private final int backupCount;
    private final Runnable recount;
    private final AtomicLong recorded = new AtomicLong();
    private final boolean storeReloads;
    private final AtomicBoolean warnedWithoutQuorum = new AtomicBoolean();

    /** @param recount has every session's counts recounted from its tasks (called after each recorded loss) */
    public LossRecorder(HazelcastInstance hazelcast, Quorum quorum, int backupCount, Runnable recount) {
        this(hazelcast, quorum, backupCount, recount, false);
    }

    /**
     * @param storeReloads a durable store reloads lost partitions (LostPartitionReload): a loss is then
     *                     logged at WARN and counted, but not recorded as lost, and its ids do not answer 410
     */
    public LossRecorder(HazelcastInstance hazelcast, Quorum quorum, int backupCount, Runnable recount, boolean storeReloads) {
        this.storeReloads = storeReloads;
        this.hazelcast = hazelcast;
        this.lost = hazelcast.getMap(GridNames.LOST_PARTITIONS);
        this.quorum = quorum;
        this.backupCount = backupCount;
        this.recount = recount;
    }

    @Override
    public void partitionLost(int partitionId, Set<Member> gone, Instant at) {
        if (!quorum.present()) {
            // Once per stretch without the quorum: a side of one lacks a replica of most partitions.
            if (warnedWithoutQuorum.compareAndSet(false, true)) {
                LOG.warn("partition {} (and likely others) has no replica on this side of the cluster, which has {} of "
                        + "the {} members the quorum needs: not recorded as lost, since the other side may hold them; if "
                        + "those members are gone for good, their data is lost", partitionId, quorum.seen(), quorum.size());
            } else {
                LOG.debug("partition {} has no replica on this side of the cluster (no quorum)", partitionId);
            }
            return;
        }
        warnedWithoutQuorum.set(false);
        if (storeReloads) {
            if (hazelcast.getCluster().getMembers().iterator().next().localMember()) {
                recorded.incrementAndGet();
                LOG.warn("partition {} lost every replica when {} failed; the durable store reloads it", partitionId,
                        gone.isEmpty() ? "members" : gone.stream().map(m -> String.valueOf(m.getAddress())).sorted().toList());
                recount.run();
            }
            return;
        }
        LostPartition record = new LostPartition(partitionId, at,
                gone.stream().map(m -> m.getAddress() + " (" + m.getUuid() + ")").sorted().toList(), weftMaps(), backupCount);
        if (lost.putIfAbsent(partitionId, record.toJson()) == null) {
            recorded.incrementAndGet();
            LOG.error("DATA LOST: partition {} lost every replica when {} failed at {}; the entries it held of {} are "
                    + "gone (each map kept {} backup(s)); their ids answer 410 while the record is kept",
                    partitionId, record.gone().isEmpty() ? "members" : String.join(" and ", record.gone()), at,
                    record.maps(), backupCount);
            recount.run();
        } else {
            LOG.debug("partition {} lost, already recorded by another member", partitionId);
        }
    }

    /** A store reloaded the partition: its ids are no longer lost. */
    public void recovered(int partitionId) {
        lost.delete(partitionId);
    }

    /** Lost partitions this node was the first to record. */
    public long recorded() {
        return recorded.get();
    }

    private List<String> weftMaps() {
        return hazelcast.getConfig().getMapConfigs().keySet().stream()
                .filter(name -> name.startsWith("weft.") && !name.equals(GridNames.LOST_PARTITIONS)).sorted().toList();
    }
}
