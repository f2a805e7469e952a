package io.weft.model.hook;

import io.weft.model.Checks;
import io.weft.model.task.Backoff;
import java.time.Duration;

/**
 * How a node tries a delivery: each POST waits at most {@code timeout} for the answer; a failed one is
 * tried again after {@code backoff} (exponential, capped, with jitter) until {@code maxAttempts} were
 * made, and then the delivery is FAILED.
 *
 * @param backoff     default {@link #DEFAULT_BACKOFF} doubling up to {@link #DEFAULT_BACKOFF_CAP}, ±20 %
 * @param maxAttempts default {@value #DEFAULT_MAX_ATTEMPTS}
 * @param timeout     default {@link #DEFAULT_TIMEOUT}
 */
public record DeliveryPolicy(Backoff backoff, int maxAttempts, Duration timeout) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final DeliveryPolicy DEFAULTS = new DeliveryPolicy(
            new Backoff(DEFAULT_BACKOFF, DEFAULT_BACKOFF_CAP, Backoff.DEFAULT_JITTER), DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT);

    public DeliveryPolicy {
        Checks.notNull("backoff", backoff);
        Checks.range("maxAttempts", maxAttempts, 1, 100);
        Checks.duration("timeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(5));
    }
}
