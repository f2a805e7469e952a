package io.weft.model.task;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code initial * 2^(n-1)}, capped at
 * {@link #cap}, then spread by up to ±{@link #jitter} of itself so that retries of many tasks
 * that failed together do not return together.
 */
public record Backoff(Duration initial, Duration cap, double jitter) {

    public static final Duration DEFAULT_CAP = Duration.ofMinutes(10);
    public static final double DEFAULT_JITTER = 0.2;

    public Backoff {
        if (initial.isNegative() || cap.isNegative() || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("backoff needs non-negative durations and a jitter in [0, 1]");
        }
    }

    public static Backoff exponential(Duration initial) {
        return new Backoff(initial, DEFAULT_CAP.compareTo(initial) < 0 ? initial : DEFAULT_CAP, DEFAULT_JITTER);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param random a source of uniform values in [0, 1), injected so tests are exact
     */
    public Duration delayBefore(int retry, DoubleSupplier random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, got " + retry);
        }
        long capMillis = cap.toMillis();
        long raw = initial.toMillis();
        for (int i = 1; i < retry && raw > 0 && raw < capMillis; i++) {
            raw *= 2;
        }
        raw = Math.min(raw, capMillis);
        double spread = (random.getAsDouble() * 2 - 1) * jitter;
        return Duration.ofMillis(Math.max(0, Math.round(raw * (1 + spread))));
    }
}
