package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.NoSuchElementException;

/**
 * Reads a COMPLETED result's bytes from the grid one chunk at a time, and checks the SHA-256 recorded
 * at completion when the last byte has been read: a mismatch is an {@link IOException}, never
 * silently wrong data.
 */
public final class ResultInputStream extends InputStream {

    private final IMap<String, byte[]> chunks;
    private final ResultMeta meta;
    private final MessageDigest digest = ResultOutputStream.sha256();
    private byte[] chunk = new byte[0];
    private int position;
    private int nextChunk;

    public ResultInputStream(HazelcastInstance hazelcast, String resultId) {
        IMap<String, ResultMeta> results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.meta = results.get(resultId);
        if (meta == null) {
            throw new NoSuchElementException("no result " + resultId);
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
