package io.weft.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PartitionLossHandler} that marks LOST every COMPLETED result one of whose chunks was in a
 * lost partition, so that its download answers 410 before a byte rather than stopping midway, and a
 * task that reads it fails with a dependency error. The losses of one event come partition by
 * partition: it gathers them for {@link #GATHER} and then looks once, on the oldest member only.
 */
public final class LostResults implements PartitionLossHandler {

    static final Duration GATHER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LostResults.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, ResultMeta> results;
    private final PartitionService partitions;
    private final ScheduledExecutorService executor;
    private final Quorum quorum;
    private final Set<Integer> gathered = new HashSet<>();

    public LostResults(HazelcastInstance hazelcast, ScheduledExecutorService executor, Quorum quorum) {
        this.hazelcast = hazelcast;
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.partitions = hazelcast.getPartitionService();
        this.executor = executor;
        this.quorum = quorum;
    }

    @Override
    public void partitionLost(int partitionId, Set<Member> gone, Instant at) {
        if (!quorum.present() || !hazelcast.getCluster().getMembers().iterator().next().localMember()) {
            return;
        }
        synchronized (gathered) {
            boolean first = gathered.isEmpty();
            gathered.add(partitionId);
            if (first) {
                executor.schedule(this::markLost, GATHER.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void markLost() {
        Set<Integer> lost;
        synchronized (gathered) {
            lost = Set.copyOf(gathered);
            gathered.clear();
        }
        try {
            int marked = 0;
            Collection<ResultMeta> completed = results.values(Predicates.equal("status", ResultStatus.COMPLETED.name()));
            for (ResultMeta meta : completed) {
                if (lostAChunk(meta, lost) && results.replace(meta.id(), meta, meta.lose())) {
                    marked++;
                }
            }
            if (marked > 0) {
                LOG.error("DATA LOST: {} completed results lost some of their bytes with partitions {}; they are LOST now",
                        marked, new HashSet<>(lost));
            }
        } catch (RuntimeException e) {
            LOG.error("finding the results whose bytes were lost with partitions {} failed", lost, e);
        }
    }

    private boolean lostAChunk(ResultMeta meta, Set<Integer> lost) {
        for (int i = 0; i < meta.chunkCount(); i++) {
            if (lost.contains(partitions.getPartition(ChunkKey.of(meta.id(), i)).getPartitionId())) {
                return true;
            }
        }
        return false;
    }
}
