package io.weft.model.result;

import io.weft.model.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A result's metadata. Its bytes live apart, in chunks of {@code chunkSize} bytes keyed by
 * {@link ChunkKey}, so no JVM ever holds a whole object.
 *
 * @param ownerTaskId the task that must produce it, or {@code null} for a result a user uploads
 * @param size        bytes, once COMPLETED (0 before)
 * @param sha256      hex SHA-256 of the bytes, once COMPLETED
 * @param chunkCount  chunks written, once COMPLETED
 */
public record ResultMeta(String id, String sessionId, String name, String contentType, ResultStatus status,
                         String ownerTaskId, long size, String sha256, int chunkSize, int chunkCount,
                         Instant createdAt, Instant expiresAt) {

    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    /** How long a result lives when its creator does not say. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(1);
    /** The longest life anyone, a user or a handler, may give a result. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    public ResultMeta {
        Checks.id("id", id);
        Checks.id("sessionId", sessionId);
        Checks.text("name", Checks.notNull("name", name), 256);
        Checks.text("contentType", contentType == null ? "application/octet-stream" : contentType, 256);
        contentType = contentType == null ? "application/octet-stream" : contentType;
        Checks.notNull("status", status);
        Checks.optionalId("ownerTaskId", ownerTaskId);
        Checks.atLeast("size", size, 0);
        Checks.range("chunkSize", chunkSize, 1, 64 << 20);
        Checks.atLeast("chunkCount", chunkCount, 0);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("expiresAt", expiresAt);
    }

    public static ResultMeta created(String id, String sessionId, String name, String contentType, String ownerTaskId,
                                     Instant now, Instant expiresAt) {
        return new ResultMeta(id, sessionId, name, contentType, ResultStatus.CREATED, ownerTaskId, 0, null,
                DEFAULT_CHUNK_SIZE, 0, now, expiresAt);
    }

    public ResultMeta complete(long bytes, String sha, int chunks) {
        if (status != ResultStatus.CREATED) {
            throw new IllegalStateException("result " + id + " is " + status + ", not CREATED");
        }
        return new ResultMeta(id, sessionId, name, contentType, ResultStatus.COMPLETED, ownerTaskId, bytes, sha,
                chunkSize, chunks, createdAt, expiresAt);
    }

    /** The task now responsible for producing it: its first producer, or a subtask it was delegated to. */
    public ResultMeta withOwner(String taskId) {
        return new ResultMeta(id, sessionId, name, contentType, status, taskId, size, sha256, chunkSize, chunkCount,
                createdAt, expiresAt);
    }

    public ResultMeta abort() {
        return new ResultMeta(id, sessionId, name, contentType, ResultStatus.ABORTED, ownerTaskId, size, sha256,
                chunkSize, chunkCount, createdAt, expiresAt);
    }

    /** A COMPLETED result some of whose chunks were lost with their partition. */
    public ResultMeta lose() {
        return new ResultMeta(id, sessionId, name, contentType, ResultStatus.LOST, ownerTaskId, size, sha256,
                chunkSize, chunkCount, createdAt, expiresAt);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
