package io.weft.model.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A delivery's only changes, lease and record, and what a hook accepts at construction. */
class HookDeliveryStatesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static HookDelivery aNewDelivery() {
        return HookDelivery.create("h-1", "task:t-1:succeeded", HookEvent.TASK_SUCCEEDED, "s-1", "t-1", "{}", T0);
    }

    private static DeliveryAttempt attempt(int number, int status) {
        return new DeliveryAttempt(number, T0.plusSeconds(number), "m-1", status, status == 0 ? "refused" : null, 5);
    }

    @Test
    void deliveryIdIsTheSameForTheSameHookAndEventAndDiffersOtherwise() {
        assertThat(HookDelivery.idFor("h-1", "task:t-1:succeeded")).isEqualTo(aNewDelivery().id()).startsWith("d-");
        assertThat(HookDelivery.idFor("h-2", "task:t-1:succeeded")).isNotEqualTo(aNewDelivery().id());
        assertThat(HookDelivery.idFor("h-1", "task:t-1:failed")).isNotEqualTo(aNewDelivery().id());
    }

    @Test
    void failedDeliverySentAgainIsANewPendingDeliveryOfTheSameEventWithItsOwnIdInItsBody() {
        HookDelivery failed = HookDelivery.create("h-1", "task:t-1:succeeded", HookEvent.TASK_SUCCEEDED, "s-1", "t-1",
                "{\"deliveryId\":\"" + aNewDelivery().id() + "\",\"eventId\":\"task:t-1:succeeded\"}", T0)
                .recorded(attempt(1, 500), 1, T0.plusSeconds(10));
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);

        HookDelivery again = failed.redelivery(T0.plusSeconds(60));

        assertThat(again.id()).startsWith("d-").isNotEqualTo(failed.id());
        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(again.attempts()).isEmpty();
        assertThat(again.eventId()).isEqualTo(failed.eventId());
        assertThat(again.hookId()).isEqualTo(failed.hookId());
        assertThat(again.taskId()).isEqualTo("t-1");
        assertThat(again.body()).isEqualTo("{\"deliveryId\":\"" + again.id() + "\",\"eventId\":\"task:t-1:succeeded\"}");
        assertThat(failed.redelivery(T0.plusSeconds(61)).id()).as("each sending again is a delivery of its own")
                .isNotEqualTo(again.id());
    }

    @Test
    void deliveryStillBeingTriedCannotBeSentAgain() {
        assertThatThrownBy(() -> aNewDelivery().redelivery(T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still being tried");
    }

    @Test
    void newDeliveryIsPendingAndDueAtOnce() {
        HookDelivery delivery = aNewDelivery();

        assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0);
        assertThat(delivery.nextAttempt()).isEqualTo(1);
    }

    @Test
    void leaseTakesOnlyTheNextAttemptOfADueDeliveryOnce() {
        HookDelivery leased = aNewDelivery().lease(1, T0, T0.plusSeconds(15));

        assertThat(leased.nextAttemptAt()).isEqualTo(T0.plusSeconds(15));
        assertThat(leased.lease(1, T0.plusSeconds(1), T0.plusSeconds(16))).as("held by the first lease").isNull();
        assertThat(aNewDelivery().lease(2, T0, T0.plusSeconds(15))).as("not the next attempt").isNull();
        assertThat(aNewDelivery().lease(1, T0.minusSeconds(1), T0.plusSeconds(15))).as("not due yet").isNull();
    }

    @Test
    void failedAttemptWithAttemptsLeftWaitsForItsRetry() {
        HookDelivery after = aNewDelivery().recorded(attempt(1, 500), 3, T0.plusSeconds(10));

        assertThat(after.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(after.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(after.attempts()).containsExactly(attempt(1, 500));
    }

    @Test
    void successfulAttemptDeliversIt() {
        HookDelivery after = aNewDelivery().recorded(attempt(1, 0), 3, T0.plusSeconds(1))
                .recorded(attempt(2, 204), 3, T0.plusSeconds(2));

        assertThat(after.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(after.nextAttemptAt()).isNull();
        assertThat(after.attempts()).extracting(DeliveryAttempt::status).containsExactly(0, 204);
    }

    @Test
    void lastFailedAttemptFailsItForGood() {
        HookDelivery after = aNewDelivery().recorded(attempt(1, 500), 2, T0.plusSeconds(1))
                .recorded(attempt(2, 302), 2, T0.plusSeconds(2));

        assertThat(after.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(after.nextAttemptAt()).isNull();
        assertThat(after.lease(3, T0.plusSeconds(9), T0.plusSeconds(20))).isNull();
    }

    @Test
    void repeatedOrStaleRecordChangesNothing() {
        HookDelivery once = aNewDelivery().recorded(attempt(1, 500), 3, T0.plusSeconds(1));

        assertThat(once.recorded(attempt(1, 200), 3, T0.plusSeconds(2))).isSameAs(once);
        assertThat(once.recorded(attempt(3, 200), 3, T0.plusSeconds(2))).isSameAs(once);
    }

    @Test
    void hookRefusesNoEventsAShortSecretAndAScopeWithoutItsId() {
        assertThatThrownBy(() -> new Hook("h-1", HookScope.SESSION, "s-1", Set.of(), "http://127.0.0.1:1/", SECRET, T0))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("events ");
        assertThatThrownBy(() -> new Hook("h-1", HookScope.SESSION, "s-1", Set.of(HookEvent.TASK_FAILED), "http://127.0.0.1:1/", "short", T0))
                .hasMessageStartingWith("secret ");
        assertThatThrownBy(() -> new Hook("h-1", HookScope.KEY, null, Set.of(HookEvent.TASK_FAILED), "http://127.0.0.1:1/", SECRET, T0))
                .hasMessageStartingWith("keyId ");
        assertThatThrownBy(() -> new Hook("h-1", HookScope.ALL, "s-1", Set.of(HookEvent.TASK_FAILED), "http://127.0.0.1:1/", SECRET, T0))
                .hasMessageStartingWith("scopeId ");
    }

    @Test
    void hookCoversTheSessionsOfItsScope() {
        Hook session = new Hook("h-1", HookScope.SESSION, "s-1", Set.of(HookEvent.TASK_FAILED), "http://127.0.0.1:1/", SECRET, T0);
        Hook key = new Hook("h-2", HookScope.KEY, "k-a", Set.of(HookEvent.TASK_FAILED), "http://127.0.0.1:1/", SECRET, T0);
        Hook all = new Hook("h-3", HookScope.ALL, null, Set.of(HookEvent.TASK_FAILED), "http://127.0.0.1:1/", SECRET, T0);

        assertThat(session.covers("s-1", null)).isTrue();
        assertThat(session.covers("s-2", "k-a")).isFalse();
        assertThat(key.covers("s-2", "k-a")).isTrue();
        assertThat(key.covers("s-2", "k-b")).isFalse();
        assertThat(key.covers("s-2", null)).isFalse();
        assertThat(all.covers("s-9", null)).isTrue();
    }
}
