package io.weft.model.task;

import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * How a task is run. Immutable and checked on construction; a {@code null} argument takes the
 * stated default. Times and durations are kept to the millisecond, the precision the grid stores.
 *
 * @param priority   0 (lowest) to 9 (highest); under saturation a higher priority starts first.
 *                   Default {@value #DEFAULT_PRIORITY}.
 * @param maxRetries failed attempts retried before the task fails for good, 0 to 100. Default
 *                   {@value #DEFAULT_MAX_RETRIES}. Fail-over of a lost member does not count.
 * @param backoff    the first retry's delay; later ones grow exponentially with jitter (see
 *                   {@link Backoff}). Default {@link #DEFAULT_BACKOFF}.
 * @param timeout    one attempt's limit; past it the attempt is interrupted and fails with
 *                   {@link ErrorType#TIMEOUT}. Default {@link #DEFAULT_TIMEOUT}.
 * @param runAt      do not start before this instant; exclusive with {@code delay}.
 * @param delay      do not start before this long after submission; exclusive with {@code runAt}.
 * @param labels     free-form key/value labels, at most 64.
 * @param then       the task to submit when this one SUCCEEDS, with its output as input: a
 *                   {@link FollowUp} template as JSON text, or {@code null} (the default) for none.
 */
public record TaskOptions(Integer priority, Integer maxRetries, Duration backoff, Duration timeout,
                          Instant runAt, Duration delay, Map<String, String> labels, String then) {

    public static final int DEFAULT_PRIORITY = 5;
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 9;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int MAX_RETRIES_LIMIT = 100;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    public static final Duration MAX_DELAY = Duration.ofDays(366);

    public static final TaskOptions DEFAULTS = new TaskOptions(null, null, null, null, null, null, null, null);

    public TaskOptions {
        priority = Checks.range("options.priority", priority == null ? DEFAULT_PRIORITY : priority, MIN_PRIORITY, MAX_PRIORITY);
        maxRetries = Checks.range("options.maxRetries", maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries, 0, MAX_RETRIES_LIMIT);
        backoff = millis(Checks.duration("options.backoff", backoff == null ? DEFAULT_BACKOFF : backoff, Duration.ZERO, MAX_BACKOFF));
        timeout = millis(Checks.duration("options.timeout", timeout == null ? DEFAULT_TIMEOUT : timeout, Duration.ofMillis(1),
                MAX_TIMEOUT));
        if (delay != null) {
            delay = millis(Checks.duration("options.delay", delay, Duration.ZERO, MAX_DELAY));
        }
        runAt = runAt == null ? null : runAt.truncatedTo(ChronoUnit.MILLIS);
        if (runAt != null && delay != null) {
            throw new InvalidValueException("options.runAt", "and options.delay cannot both be set");
        }
        labels = labels == null ? Map.of() : Checks.labels("options.labels", labels);
        if (then != null) {
            // Parsed only to check it: most tasks have no follow-up, so reading a task stays cheap.
            FollowUp.parse(then);
        }
    }

    private static Duration millis(Duration duration) {
        return duration.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The follow-up template, parsed; {@code null} when there is none. */
    public FollowUp followUp() {
        return then == null ? null : FollowUp.parse(then);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().priority(priority).maxRetries(maxRetries).backoff(backoff).timeout(timeout)
                .runAt(runAt).delay(delay).labels(labels).then(then);
    }

    /** When a task submitted at {@code submittedAt} becomes due. */
    public Instant dueAt(Instant submittedAt) {
        if (runAt != null) {
            return runAt;
        }
        return delay == null ? submittedAt : submittedAt.plus(delay);
    }

    /** A builder whose unset fields take the defaults above. */
    public static final class Builder {
        private Integer priority;
        private Integer maxRetries;
        private Duration backoff;
        private Duration timeout;
        private Instant runAt;
        private Duration delay;
        private Map<String, String> labels;
        private String then;

        /** The follow-up template as JSON text ({@link FollowUp}), or {@code null}. */
        public Builder then(String value) {
            this.then = value;
            return this;
        }

        public Builder priority(Integer value) {
            this.priority = value;
            return this;
        }

        public Builder maxRetries(Integer value) {
            this.maxRetries = value;
            return this;
        }

        public Builder backoff(Duration value) {
            this.backoff = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder runAt(Instant value) {
            this.runAt = value;
            return this;
        }

        public Builder delay(Duration value) {
            this.delay = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        public TaskOptions build() {
            return new TaskOptions(priority, maxRetries, backoff, timeout, runAt, delay, labels, then);
        }
    }
}
