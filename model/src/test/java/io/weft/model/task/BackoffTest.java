package io.weft.model.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class BackoffTest {

    /** A random value that makes the jitter's spread zero. */
    private static final double NO_SPREAD = 0.5;

    private static final Backoff ONE_SECOND_CAPPED_AT_A_MINUTE =
            new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2);

    /** initial * 2^(retry-1), capped; computed without overflow. */
    private static long expectedBaseMillis(Backoff backoff, int retry) {
        BigInteger raw = BigInteger.valueOf(backoff.initial().toMillis()).shiftLeft(retry - 1);
        return raw.min(BigInteger.valueOf(backoff.cap().toMillis())).longValueExact();
    }

    @Example
    void delayDoublesWithEachRetryUntilTheCap() {
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (int retry = 1; retry <= expectedSeconds.length; retry++) {
            assertThat(ONE_SECOND_CAPPED_AT_A_MINUTE.delayBefore(retry, () -> NO_SPREAD))
                    .as("retry %d", retry).isEqualTo(Duration.ofSeconds(expectedSeconds[retry - 1]));
        }
    }

    @Example
    void jitterSpreadsByAtMostItsFractionEitherWay() {
        assertThat(ONE_SECOND_CAPPED_AT_A_MINUTE.delayBefore(1, () -> 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(ONE_SECOND_CAPPED_AT_A_MINUTE.delayBefore(1, () -> 0.75)).isEqualTo(Duration.ofMillis(1100));
    }

    @Example
    void retryBeforeTheFirstIsRefused() {
        assertThatThrownBy(() -> ONE_SECOND_CAPPED_AT_A_MINUTE.delayBefore(0, () -> NO_SPREAD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void exponentialBackoffNeverCapsBelowItsInitialDelay() {
        assertThat(Backoff.exponential(Duration.ofSeconds(1)).cap()).isEqualTo(Backoff.DEFAULT_CAP);
        assertThat(Backoff.exponential(Duration.ofHours(1)).cap()).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.exponential(Duration.ofHours(1)).delayBefore(1, () -> NO_SPREAD)).isEqualTo(Duration.ofHours(1));
    }

    @Example
    void zeroInitialDelayRetriesAtOnce() {
        assertThat(Backoff.exponential(Duration.ZERO).delayBefore(50, () -> 0.99)).isEqualTo(Duration.ZERO);
    }

    @Example
    void jitterOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofMinutes(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void delayStaysWithinTheJitterOfTheCappedExponential(@ForAll @IntRange(min = 1, max = 100) int retry,
                                                        @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random,
                                                        @ForAll @IntRange(min = 1, max = 600_000) int initialMillis,
                                                        @ForAll @IntRange(min = 0, max = 100) int jitterPercent) {
        Backoff backoff = new Backoff(Duration.ofMillis(initialMillis), Backoff.DEFAULT_CAP, jitterPercent / 100.0);
        long base = expectedBaseMillis(backoff, retry);

        long delay = backoff.delayBefore(retry, () -> random).toMillis();

        assertThat(delay).isBetween((long) Math.floor(base * (1 - backoff.jitter())),
                (long) Math.ceil(base * (1 + backoff.jitter())));
        assertThat(delay).isLessThanOrEqualTo((long) Math.ceil(Backoff.DEFAULT_CAP.toMillis() * (1 + backoff.jitter())));
    }

    @Property
    void laterRetriesNeverWaitLessForTheSameRandomDraw(@ForAll @IntRange(min = 1, max = 99) int retry,
                                                       @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Duration now = ONE_SECOND_CAPPED_AT_A_MINUTE.delayBefore(retry, () -> random);
        Duration next = ONE_SECOND_CAPPED_AT_A_MINUTE.delayBefore(retry + 1, () -> random);

        assertThat(next).isGreaterThanOrEqualTo(now);
    }

    @Property
    void withoutJitterTheDelayIsExactlyTheCappedExponential(@ForAll @IntRange(min = 1, max = 100) int retry,
                                                            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Backoff noJitter = new Backoff(Duration.ofMillis(250), Duration.ofMinutes(10), 0);

        assertThat(noJitter.delayBefore(retry, () -> random).toMillis()).isEqualTo(expectedBaseMillis(noJitter, retry));
    }
}
