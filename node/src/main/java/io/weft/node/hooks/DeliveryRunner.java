package io.weft.node.hooks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.prometheus.client.Counter;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.LeaseDelivery;
import io.weft.model.grid.RecordDeliveryAttempt;
import io.weft.model.hook.DeliveryAttempt;
import io.weft.model.hook.DeliveryPolicy;
import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of deliveries: at its due time an attempt is leased in the grid
 * ({@link LeaseDelivery}, so no other member sends it meanwhile), POSTed without blocking a thread,
 * and its outcome recorded ({@link RecordDeliveryAttempt}); a failed one is scheduled again after the
 * policy's backoff until its last attempt. Everything runs on the hook executor, never on a partition
 * or event thread.
 */
final class DeliveryRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRunner.class);
    /**
     * Beyond the POST's own timeout, how long a lease lasts: time enough to record the attempt. It is
     * also how long the deliveries of a member that died mid-attempt wait before another sends them.
     */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final IMap<String, HookDelivery> deliveries;
    private final HookDirectory hooks;
    private final DeliverySender sender;
    private final DeliveryPolicy policy;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Counter attempts;
    private final String member;
    /** Deliveries this member has an attempt scheduled or running for: one at a time each. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    DeliveryRunner(HazelcastInstance hazelcast, HookDirectory hooks, DeliverySender sender, DeliveryPolicy policy,
                   ScheduledExecutorService executor, Clock clock, Counter attempts) {
        this.deliveries = hazelcast.getMap(GridNames.HOOK_DELIVERIES);
        this.hooks = hooks;
        this.sender = sender;
        this.policy = policy;
        this.executor = executor;
        this.clock = clock;
        this.attempts = attempts;
        this.member = hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    /** Runs the delivery's next attempt when it is due, unless this member already holds it. */
    void schedule(String deliveryId, Instant dueAt) {
        if (!held.add(deliveryId)) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), dueAt).toMillis());
        try {
            executor.schedule(() -> attempt(deliveryId), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // The executor is shutting down with the node: the new owner's sweep sends it.
            held.remove(deliveryId);
        }
    }

    boolean holds(String deliveryId) {
        return held.contains(deliveryId);
    }

    private void attempt(String deliveryId) {
        HookDelivery delivery;
        Instant now = clock.instant();
        try {
            HookDelivery current = deliveries.get(deliveryId);
            if (current == null || current.state() != DeliveryState.PENDING) {
                held.remove(deliveryId);
                return;
            }
            if (current.nextAttemptAt().isAfter(now)) {
                // Early by the clock (a timer fires by nanoTime, the due time is wall-clock) or leased by
                // another member: come back when it is due rather than wait for the sweep.
                held.remove(deliveryId);
                schedule(deliveryId, current.nextAttemptAt());
                return;
            }
            Instant until = now.plus(policy.timeout()).plus(LEASE_MARGIN);
            delivery = deliveries.executeOnKey(deliveryId,
                    new LeaseDelivery(current.nextAttempt(), now.toEpochMilli(), until.toEpochMilli()));
        } catch (RuntimeException e) {
            LOG.debug("could not lease delivery {}; the sweep tries again", deliveryId, e);
            held.remove(deliveryId);
            return;
        }
        if (delivery == null) {
            // Another member leased or recorded this attempt meanwhile: it schedules what follows.
            held.remove(deliveryId);
            return;
        }
        Hook hook = hooks.get(delivery.hookId());
        int number = delivery.nextAttempt();
        if (hook == null) {
            record(delivery, new DeliveryAttempt(number, now, member, 0, "the hook was deleted", 0), 1);
            return;
        }
        long started = System.nanoTime();
        sender.send(delivery, hook.url(), hook.secret()).whenCompleteAsync((status, failure) -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            DeliveryAttempt attempt = failure == null ? new DeliveryAttempt(number, now, member, status, null, millis)
                    : new DeliveryAttempt(number, now, member, 0, describe(failure), millis);
            record(delivery, attempt, policy.maxAttempts());
        }, executor);
    }

    private void record(HookDelivery delivery, DeliveryAttempt attempt, int maxAttempts) {
        Instant retryAt = clock.instant().plus(policy.backoff().delayBefore(attempt.number(), ThreadLocalRandom.current()::nextDouble));
        HookDelivery after;
        try {
            after = deliveries.executeOnKey(delivery.id(), new RecordDeliveryAttempt(attempt, maxAttempts, retryAt.toEpochMilli()));
        } catch (RuntimeException e) {
            // The lease runs out and the sweep sends it again: at least once.
            LOG.warn("could not record attempt {} of delivery {}", attempt.number(), delivery.id(), e);
            held.remove(delivery.id());
            return;
        }
        held.remove(delivery.id());
        if (after == null) {
            return;
        }
        if (after.attempts().size() == attempt.number()) {
            attempts.labels(switch (after.state()) {
                case DELIVERED -> "delivered";
                case FAILED -> "failed";
                case PENDING -> "retried";
            }).inc();
        }
        if (after.state() == DeliveryState.PENDING) {
            schedule(after.id(), after.nextAttemptAt());
        } else if (after.state() == DeliveryState.FAILED) {
            LOG.warn("hook {} delivery {} ({}) failed after {} attempts; last: {}", after.hookId(), after.id(),
                    after.eventId(), after.attempts().size(), attempt.error() != null ? attempt.error() : "HTTP " + attempt.status());
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
