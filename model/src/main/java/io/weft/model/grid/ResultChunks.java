package io.weft.model.grid;

import com.hazelcast.map.IMap;
import io.weft.model.result.ChunkKey;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Removes the bytes of a result from the chunks map. */
public final class ResultChunks {

    /** Chunks removed per call into the grid: one round trip, spread over the owners of their partitions. */
    static final int BATCH = 32;

    private ResultChunks() {
    }

    /**
     * Removes every chunk of {@code resultId} and returns how many there were.
     *
     * <p>The metadata's chunk count cannot be trusted for this: it is 0 until the result completes,
     * and a broken or abandoned upload, or one that ran while the result was being deleted, leaves
     * chunks it never recorded. Scanning the map for keys {@code rid#*} would work but reads every
     * chunk key of the cluster on every delete. What holds instead: an upload writes chunks
     * 0, 1, 2, … in order, and every removal (this one) starts from 0, so the chunks present always
     * form a run from 0. So the indexes below {@code knownCount} (what the caller knows was written)
     * are removed whatever they hold, and past it removal goes on, a batch at a time, until a batch
     * finds a gap. Anything a concurrent writer adds afterwards carries the result's TTL and expires
     * with it.
     */
    public static long remove(IMap<String, byte[]> chunks, String resultId, int knownCount) {
        long removed = 0;
        for (int from = 0; ; from += BATCH) {
            Set<String> keys = new LinkedHashSet<>(BATCH * 2);
            for (int i = from; i < from + BATCH; i++) {
                keys.add(ChunkKey.of(resultId, i));
            }
            Map<String, Boolean> answers = chunks.executeOnKeys(keys, new RemoveChunk());
            long found = answers.values().stream().filter(Boolean.TRUE::equals).count();
            removed += found;
            if (from + BATCH >= knownCount && found < BATCH) {
                return removed;
            }
        }
    }
}
