package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * Writes a CREATED result's bytes into the grid one chunk at a time, so at most one chunk is held in
 * this JVM. {@link #close()} records size and SHA-256 and completes the result; a stream abandoned
 * midway (an exception, no close) leaves the result CREATED, and a new upload starts it over.
 */
public final class ResultOutputStream extends OutputStream {

    private final IMap<String, ResultMeta> results;
    private final IMap<String, byte[]> chunks;
    private final String resultId;
    private final ResultMeta meta;
    private final byte[] buffer;
    private final MessageDigest digest;
    private final Instant expiresAt;
    private final Clock clock;
    private int filled;
    private int chunkCount;
    private long size;
    private boolean closed;
    private ResultMeta completed;

    public ResultOutputStream(HazelcastInstance hazelcast, String resultId, Clock clock) {
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.resultId = resultId;
        ResultMeta meta = results.get(resultId);
        if (meta == null) {
            throw new NoSuchElementException("no result " + resultId);
        }
        if (meta.status() != ResultStatus.CREATED) {
            throw new IllegalStateException("result " + resultId + " is " + meta.status() + "; only a CREATED result takes data");
        }
        this.meta = meta;
        this.buffer = new byte[meta.chunkSize()];
        this.expiresAt = meta.expiresAt();
        this.clock = clock;
        this.digest = sha256();
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        buffer[filled++] = (byte) b;
        if (filled == buffer.length) {
            flushChunk();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                flushChunk();
            }
        }
    }

    /** Writes the last chunk and completes the result. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (filled > 0) {
            flushChunk();
        }
        closed = true;
        completed = results.executeOnKey(resultId, new CompleteResult(size, HexFormat.of().formatHex(digest.digest()), chunkCount));
        if (completed == null) {
            throw new IOException("result " + resultId + " was no longer CREATED when its upload ended");
        }
    }

    /** The result's metadata as it was when the stream opened (CREATED). */
    public ResultMeta meta() {
        return meta;
    }

    /** The result's metadata once {@link #close()} completed it. */
    public ResultMeta completed() {
        return completed;
    }

    private void flushChunk() {
        byte[] chunk = new byte[filled];
        System.arraycopy(buffer, 0, chunk, 0, filled);
        digest.update(chunk);
        // A chunk lives exactly as long as its result, so an expired result leaves nothing behind.
        long ttlMillis = Math.max(1, expiresAt.toEpochMilli() - clock.millis());
        chunks.set(ChunkKey.of(resultId, chunkCount), chunk, ttlMillis, TimeUnit.MILLISECONDS);
        chunkCount++;
        size += filled;
        filled = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
