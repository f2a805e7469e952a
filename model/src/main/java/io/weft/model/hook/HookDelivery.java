package io.weft.model.hook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.Checks;
import io.weft.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One event told to one hook ({@code weft.hook-deliveries}, keyed by {@link #idFor}): the body to POST
 * (fixed when the event is seen, so every attempt sends the same bytes), its attempts so far, and its
 * state. The id derives from the hook and the event, so an event seen twice makes one delivery.
 * Changes go only through {@link #lease} and {@link #recorded}, run inside entry processors; a
 * delivery sent again by hand is a new delivery of the same event ({@link #redelivery}).
 *
 * @param eventId       what happened, the same for every hook told about it ({@code task:<id>:<status>},
 *                      {@code session:<id>:finished}); a receiver dedupes on it or on the delivery id
 * @param taskId        the task the event is about, or {@code null} for a session's event
 * @param nextAttemptAt when the next attempt is due (while PENDING), or {@code null}
 */
public record HookDelivery(String id, String hookId, String eventId, HookEvent event, String sessionId, String taskId,
                           String body, DeliveryState state, List<DeliveryAttempt> attempts, Instant createdAt,
                           Instant nextAttemptAt) {

    public static final String ID_PREFIX = "d-";
    /** A delivery is kept this long after its last change, then expires: an audit trail, not an archive. */
    public static final java.time.Duration RETENTION = java.time.Duration.ofDays(7);

    public HookDelivery {
        Checks.id("id", id);
        Checks.id("hookId", hookId);
        Checks.id("eventId", eventId);
        Checks.notNull("event", event);
        Checks.id("sessionId", sessionId);
        Checks.optionalId("taskId", taskId);
        Json.document("body", body);
        Checks.notNull("state", state);
        attempts = List.copyOf(attempts);
        Checks.notNull("createdAt", createdAt);
        if (state == DeliveryState.PENDING) {
            Checks.notNull("nextAttemptAt", nextAttemptAt);
        }
    }

    /** The delivery id of {@code eventId} to {@code hookId}: the same for the same pair, wherever computed. */
    public static String idFor(String hookId, String eventId) {
        byte[] seed = (hookId + '\u0000' + eventId).getBytes(StandardCharsets.UTF_8);
        return ID_PREFIX + UUID.nameUUIDFromBytes(seed).toString().replace("-", "");
    }

    /** A new delivery, due at once. */
    public static HookDelivery create(String hookId, String eventId, HookEvent event, String sessionId, String taskId,
                                      String body, Instant now) {
        return new HookDelivery(idFor(hookId, eventId), hookId, eventId, event, sessionId, taskId, body,
                DeliveryState.PENDING, List.of(), now, now);
    }

    /**
     * The same event sent to the same hook again, by hand: a new delivery with an id of its own (in its
     * body too), due at once, no attempts yet, tried and retried like any other. The event id stays, so a
     * receiver that already handled the event can tell. Refused while this one is still being tried.
     */
    public HookDelivery redelivery(Instant now) {
        if (state == DeliveryState.PENDING) {
            throw new IllegalStateException("delivery " + id + " is still being tried (attempt " + nextAttempt()
                    + " is next); send it again once it is DELIVERED or FAILED");
        }
        String again = ID_PREFIX + UUID.randomUUID().toString().replace("-", "");
        ObjectNode resent = ((ObjectNode) Json.parse(body)).put("deliveryId", again);
        return new HookDelivery(again, hookId, eventId, event, sessionId, taskId, Json.write(resent),
                DeliveryState.PENDING, List.of(), now, now);
    }

    /** The number the next attempt gets. */
    public int nextAttempt() {
        return attempts.size() + 1;
    }

    /**
     * Takes attempt {@code number} until {@code until}: the delivery is PENDING, due by {@code now}, and no
     * other member took that attempt. While leased it is not due, so the sweep of a member that gained its
     * partition does not send it a second time. Returns {@code null} when it cannot be taken.
     */
    public HookDelivery lease(int number, Instant now, Instant until) {
        if (state != DeliveryState.PENDING || number != nextAttempt() || nextAttemptAt.isAfter(now)) {
            return null;
        }
        return new HookDelivery(id, hookId, eventId, event, sessionId, taskId, body, state, attempts, createdAt, until);
    }

    /**
     * Appends {@code attempt} if it is the next one: DELIVERED on a 2xx, FAILED when it was attempt
     * {@code maxAttempts}, else PENDING again until {@code retryAt}. A repeated or stale record changes
     * nothing and returns this.
     */
    public HookDelivery recorded(DeliveryAttempt attempt, int maxAttempts, Instant retryAt) {
        if (state != DeliveryState.PENDING || attempt.number() != nextAttempt()) {
            return this;
        }
        List<DeliveryAttempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        DeliveryState after = attempt.succeeded() ? DeliveryState.DELIVERED
                : all.size() >= maxAttempts ? DeliveryState.FAILED : DeliveryState.PENDING;
        return new HookDelivery(id, hookId, eventId, event, sessionId, taskId, body, after, all, createdAt,
                after == DeliveryState.PENDING ? retryAt : null);
    }
}
