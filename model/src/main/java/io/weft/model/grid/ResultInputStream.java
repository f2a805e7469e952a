package io.weft.model.grid;

import io.weft.model.cluster.DataLostException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultExpiredException;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Reads a COMPLETED result's bytes from the grid one chunk at a time, and checks the SHA-256 recorded
 * at completion when the last byte has been read: a mismatch is an {@link IOException}, never
 * silently wrong data. An expired result cannot be opened ({@link ResultExpiredException}), and one
 * that expires while it is read fails with the same exception at the first chunk already gone.
 */
public final class ResultInputStream extends InputStream {

    private final IMap<String, byte[]> chunks;
    private final ResultMeta meta;
    private final MessageDigest digest = ResultOutputStream.sha256();
    private final Clock clock;
    private byte[] chunk = new byte[0];
    private int position;
    private int nextChunk;

    public ResultInputStream(HazelcastInstance hazelcast, String resultId) {
        this(hazelcast, resultId, Clock.systemUTC());
    }

    /**
     * Opens a COMPLETED result of the grid.
     *
     * @throws java.util.NoSuchElementException if there is no such result
     * @throws ResultExpiredException           if it has expired
     * @throws IllegalStateException            if it is not COMPLETED
     * @throws DataLostException                if it is LOST (some of its bytes were lost with a partition)
     */
    public ResultInputStream(HazelcastInstance hazelcast, String resultId, Clock clock) {
        IMap<String, ResultMeta> results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.clock = clock;
        this.meta = ResultLookup.require(results, resultId, clock.instant());
        if (meta.status() == ResultStatus.LOST) {
            throw new DataLostException("result", resultId, "some of its bytes were lost with their partition");
        }
        if (meta.status() != ResultStatus.COMPLETED) {
            throw new IllegalStateException("result " + resultId + " is " + meta.status() + "; only a COMPLETED result can be read");
        }
    }

    public ResultMeta meta() {
        return meta;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, bytes, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position == chunk.length) {
            if (nextChunk == meta.chunkCount()) {
                return false;
            }
            byte[] next = chunks.get(ChunkKey.of(meta.id(), nextChunk));
            if (next == null) {
                if (meta.isExpired(clock.instant())) {
                    throw ResultExpiredException.of(meta);
                }
                throw new IOException("chunk " + nextChunk + " of result " + meta.id() + " is missing");
            }
            digest.update(next);
            chunk = next;
            position = 0;
            nextChunk++;
            if (nextChunk == meta.chunkCount()) {
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(meta.sha256())) {
                    throw new IOException("result " + meta.id() + " is corrupt: SHA-256 " + actual + ", expected " + meta.sha256());
                }
            }
        }
        return true;
    }
}
