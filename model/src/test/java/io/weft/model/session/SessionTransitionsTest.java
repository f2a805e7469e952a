package io.weft.model.session;

import static io.weft.model.session.SessionState.CANCELLED;
import static io.weft.model.session.SessionState.CLOSED;
import static io.weft.model.session.SessionState.OPEN;
import static io.weft.model.session.SessionState.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Walks every (from, to) pair of {@link SessionState}. The table below is written out on purpose:
 * changing {@link SessionTransitions} without changing it here fails a test.
 */
class SessionTransitionsTest {

    private static final Map<SessionState, Set<SessionState>> EXPECTED = new EnumMap<>(Map.of(
            OPEN, EnumSet.of(PAUSED, CLOSED, CANCELLED),
            PAUSED, EnumSet.of(OPEN, CLOSED, CANCELLED),
            CLOSED, EnumSet.of(CANCELLED),
            CANCELLED, EnumSet.noneOf(SessionState.class)));

    private static Session aSessionIn(SessionState state) {
        return new Session("s-1", "nightly", Map.of("team", "a"), state, Instant.parse("2024-03-01T12:00:00Z"));
    }

    @Test
    void everyAllowedMoveChangesOnlyTheState() {
        EXPECTED.forEach((from, targets) -> targets.forEach(to -> {
            Session before = aSessionIn(from);

            Session after = before.moveTo(to);

            assertThat(after.state()).as("%s -> %s", from, to).isEqualTo(to);
            assertThat(after).isEqualTo(new Session(before.id(), before.name(), before.labels(), to, before.createdAt()));
        }));
    }

    @Test
    void everyOtherMoveIsRefusedNamingBothStates() {
        for (SessionState from : SessionState.values()) {
            for (SessionState to : SessionState.values()) {
                if (EXPECTED.get(from).contains(to)) {
                    continue;
                }
                Session before = aSessionIn(from);

                assertThatThrownBy(() -> before.moveTo(to))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(IllegalSessionTransitionException.class)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("s-1")
                        .hasMessageContaining("is " + from)
                        .hasMessageContaining("cannot become " + to);
            }
        }
    }

    @Test
    void tableAgreesWithTheExpectedOneForEveryPair() {
        for (SessionState from : SessionState.values()) {
            for (SessionState to : SessionState.values()) {
                assertThat(SessionTransitions.isAllowed(from, to)).as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(SessionTransitions.allowedFrom(from)).isEqualTo(EXPECTED.get(from));
        }
    }

    @Test
    void refusalOfAFinalStateSaysItIsFinal() {
        assertThatThrownBy(() -> aSessionIn(CANCELLED).moveTo(OPEN)).hasMessageContaining("CANCELLED is final");
        assertThatThrownBy(() -> aSessionIn(CLOSED).moveTo(PAUSED)).hasMessageContaining("[CANCELLED]");
    }
}
