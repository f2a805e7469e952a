package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import io.weft.model.cluster.DataLostException;
import io.weft.model.cluster.LostPartition;
import io.weft.model.grid.GridNames;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The partitions the cluster lost with every replica, as the nodes recorded them (kept a week): an id
 * that is missing and whose partition is among them was lost, not never there. The partition of an
 * id is the one its grid map keys it by, which the partition service computes here.
 */
public final class LostData {

    private final IMap<Integer, String> lost;
    private final PartitionService partitions;

    LostData(HazelcastInstance hazelcast) {
        this.lost = hazelcast.getMap(GridNames.LOST_PARTITIONS);
        this.partitions = hazelcast.getPartitionService();
    }

    /** The loss that took the entry keyed {@code id}, if its partition was lost. */
    public Optional<LostPartition> of(String id) {
        String json = lost.get(partitions.getPartition(id).getPartitionId());
        return json == null ? Optional.empty() : Optional.of(LostPartition.fromJson(json));
    }

    /** Every lost partition recorded, by partition id. */
    public List<LostPartition> all() {
        return lost.values().stream().map(LostPartition::fromJson)
                .sorted(Comparator.comparingInt(LostPartition::partitionId)).toList();
    }

    /** What to throw for a LOST result: the loss of the first of its chunks whose partition is recorded. */
    public DataLostException lostResult(ResultMeta meta) {
        for (int i = 0; i < meta.chunkCount(); i++) {
            Optional<LostPartition> loss = of(ChunkKey.of(meta.id(), i));
            if (loss.isPresent()) {
                return new DataLostException("result", meta.id(), loss.get());
            }
        }
        return new DataLostException("result", meta.id(), "some of its bytes were lost with their partition");
    }

    /**
     * What to throw for a {@code kind} (task, result, session) {@code id} that is not there: a
     * {@link DataLostException} (HTTP 410) when its partition was lost, else "no such" (404).
     */
    public NoSuchElementException missing(String kind, String id) {
        Optional<LostPartition> loss = of(id);
        return loss.isPresent() ? new DataLostException(kind, id, loss.get()) : new NoSuchElementException("no " + kind + " " + id);
    }
}
