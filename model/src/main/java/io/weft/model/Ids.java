package io.weft.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/** Id generation. Ids are opaque to users; the prefix only helps a person reading logs. */
public final class Ids {

    public static final String TASK = "t-";
    public static final String SESSION = "s-";
    public static final String RESULT = "r-";
    public static final String SCHEDULE = "sch-";

    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    public static String newTaskId() {
        return TASK + compact(UUID.randomUUID());
    }

    public static String newSessionId() {
        return SESSION + compact(UUID.randomUUID());
    }

    public static String newResultId() {
        return RESULT + compact(UUID.randomUUID());
    }

    public static String newScheduleId() {
        return SCHEDULE + compact(UUID.randomUUID());
    }

    /** A new task's id: random, or derived from the key when it has one (see {@link #idempotentTaskId}). */
    public static String taskIdFor(String sessionId, String idempotencyKey) {
        return idempotencyKey == null ? newTaskId() : idempotentTaskId(sessionId, idempotencyKey);
    }

    /**
     * The id of a task submitted with an idempotency key: derived from the session and the key, so
     * a repeated submit lands on the same grid entry and an insert-if-absent makes it a no-op.
     */
    public static String idempotentTaskId(String sessionId, String idempotencyKey) {
        byte[] seed = (sessionId + '\u0000' + idempotencyKey).getBytes(StandardCharsets.UTF_8);
        return TASK + compact(UUID.nameUUIDFromBytes(seed));
    }

    /** The UUID's 32 hex digits without its dashes. */
    private static String compact(UUID uuid) {
        return HEX.toHexDigits(uuid.getMostSignificantBits()) + HEX.toHexDigits(uuid.getLeastSignificantBits());
    }
}
