package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.QuotaExceededException;
import io.weft.model.result.QuotaExceededException.Limit;
import io.weft.model.result.ResultExpiredException;
import io.weft.model.result.ResultLimits;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Writes a CREATED result's bytes into the grid one chunk at a time, so at most one chunk is held in
 * this JVM. {@link #close()} records size and SHA-256 and completes the result.
 *
 * <p>An upload that cannot finish never completes the result: when this stream refuses (the
 * {@link ResultLimits} are passed, the result expired, the grid failed) it removes the chunks it
 * wrote and leaves the result CREATED, and its {@link #close()} does nothing more. A writer whose own
 * source breaks must call {@link #discard()} instead of {@link #close()}, or the bytes so far would
 * complete the result. Either way a new upload can start the result over from its first byte.
 * Two uploads into one result at the same time are not supported: they overwrite each other's chunks.
 */
public final class ResultOutputStream extends OutputStream {

    static final long GRID_EXPIRY_GRANULARITY_MILLIS = 1000;
    /** The session's usage is read only once an upload passes its first chunk. */
    private static final long UNKNOWN = -1;

    private final IMap<String, ResultMeta> results;
    private final IMap<String, byte[]> chunks;
    private final String resultId;
    private final ResultMeta meta;
    private final ResultLimits limits;
    private final HazelcastInstance hazelcast;
    private long usageBaseline;
    private boolean baselineExact;
    private final byte[] buffer;
    private final MessageDigest digest;
    private final Clock clock;
    private int filled;
    private int chunkCount;
    private long size;
    private boolean closed;
    private ResultMeta completed;

    /**
     * Opens an upload into a CREATED result of the grid.
     *
     * @throws java.util.NoSuchElementException if there is no such result
     * @throws ResultExpiredException           if it has expired
     * @throws IllegalStateException            if it is not CREATED
     */
    public ResultOutputStream(HazelcastInstance hazelcast, String resultId, Clock clock) {
        this.hazelcast = hazelcast;
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.chunks = hazelcast.getMap(GridNames.CHUNKS);
        this.resultId = resultId;
        this.clock = clock;
        ResultMeta meta = ResultLookup.require(results, resultId, clock.instant());
        if (meta.status() != ResultStatus.CREATED) {
            throw new IllegalStateException("result " + resultId + " is " + meta.status() + "; only a CREATED result takes data");
        }
        this.meta = meta;
        // Read, not read asynchronously beside the result: a client's first read of it may need its
        // Compact schema from the cluster, which an asynchronous read would wait for on the thread
        // that must bring it (ResultsTest.freshClientsFirstUploadCompletes).
        this.limits = PublishedSetting.RESULT_LIMITS.read(hazelcast);
        this.usageBaseline = UNKNOWN;
        this.buffer = new byte[meta.chunkSize()];
        this.digest = sha256();
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        refusePast(1);
        buffer[filled++] = (byte) b;
        if (filled == buffer.length) {
            flushChunk();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        refusePast(length);
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

    /**
     * Writes the last chunk and completes the result, after checking the session's quota again with
     * the results completed since this upload started.
     *
     * <p>That check and the completion are two steps, not one: two uploads of one session closing at
     * the same moment can both pass it and together overshoot the quota, by at most the objects in
     * flight at that moment. Closing that gap needs the check and the completion to be one atomic
     * step on a per-session usage record (or the session's FencedLock around both); the lock costs a
     * CP round trip per upload for a bounded overshoot, so it is not taken.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (filled > 0) {
            flushChunk();
        }
        // Counted before completing, so the written total is never below what the session holds.
        SessionUsage.Reservation reserved = guard(() -> SessionUsage.reserve(hazelcast, results, meta.sessionId(),
                clock.instant(), size, limits.sessionQuotaBytes()));
        if (!reserved.counted()) {
            throw refuse(new QuotaExceededException(resultId, Limit.SESSION_QUOTA_BYTES, limits.sessionQuotaBytes(),
                    reserved.usage() + size));
        }
        ResultMeta done = guard(() -> results.executeOnKey(resultId,
                new CompleteResult(size, HexFormat.of().formatHex(digest.digest()), chunkCount)));
        if (done == null) {
            discard();
            throw new IOException("result " + resultId + " was no longer CREATED when its upload ended");
        }
        closed = true;
        completed = done;
    }

    /**
     * Abandons the upload: removes the chunks it wrote (unless another upload completed the result
     * meanwhile, whose chunks they now are) and leaves the result CREATED. Closing afterwards does
     * nothing. Best effort: a chunk it fails to remove still expires with the result.
     */
    public void discard() {
        if (closed) {
            return;
        }
        closed = true;
        ResultMeta current = results.get(resultId);
        if (current == null || current.status() != ResultStatus.COMPLETED) {
            ResultChunks.remove(chunks, resultId, chunkCount);
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

    /** The limits this upload is held to. */
    public ResultLimits limits() {
        return limits;
    }

    /** Refuses, before taking them, bytes that would carry the object or its session past a limit. */
    private void refusePast(int more) {
        long objectBytes = size + filled + more;
        if (objectBytes > limits.maxResultBytes()) {
            throw refuse(new QuotaExceededException(resultId, Limit.MAX_RESULT_BYTES, limits.maxResultBytes(), objectBytes));
        }
        if (usageBaseline == UNKNOWN) {
            if (objectBytes <= buffer.length) {
                // Nothing has reached the grid yet, and close() counts the bytes against the quota.
                return;
            }
            usageBaseline = guard(() -> SessionUsage.forCheck(hazelcast, results, meta.sessionId(), clock.instant(), 0,
                    limits.sessionQuotaBytes()));
        }
        if (usageBaseline + objectBytes > limits.sessionQuotaBytes() && !baselineExact) {
            // The baseline was the written total, an upper bound: look at what the session really holds.
            usageBaseline = guard(() -> SessionUsage.of(results, meta.sessionId(), clock.instant()));
            baselineExact = true;
        }
        if (usageBaseline + objectBytes > limits.sessionQuotaBytes()) {
            throw refuse(new QuotaExceededException(resultId, Limit.SESSION_QUOTA_BYTES, limits.sessionQuotaBytes(),
                    usageBaseline + objectBytes));
        }
    }

    private void flushChunk() {
        if (meta.isExpired(clock.instant())) {
            throw refuse(ResultExpiredException.of(meta));
        }
        byte[] chunk = new byte[filled];
        System.arraycopy(buffer, 0, chunk, 0, filled);
        // A chunk lives as long as its result, so an expired result leaves no bytes behind. The grid
        // keeps expiration times to the whole second, rounded down; the extra second keeps a chunk
        // from going before its result expires, and so from breaking a read that is still allowed.
        long ttlMillis = meta.expiresAt().toEpochMilli() - clock.millis() + GRID_EXPIRY_GRANULARITY_MILLIS;
        guardVoid(() -> chunks.set(ChunkKey.of(resultId, chunkCount), chunk, ttlMillis, TimeUnit.MILLISECONDS));
        digest.update(chunk);
        chunkCount++;
        size += filled;
        filled = 0;
    }

    /** Runs a grid call; if it fails, the upload is abandoned before the failure goes on up. */
    private <T> T guard(GridCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw refuse(e);
        }
    }

    private void guardVoid(Runnable call) {
        guard(() -> {
            call.run();
            return null;
        });
    }

    /** Abandons the upload and hands back {@code reason} to throw; a failed clean-up rides along with it. */
    private RuntimeException refuse(RuntimeException reason) {
        try {
            discard();
        } catch (RuntimeException cleanup) {
            reason.addSuppressed(cleanup);
        }
        return reason;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    @FunctionalInterface
    private interface GridCall<T> {
        T run();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
