package io.weft.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.MemberState;
import io.weft.model.result.ResultLimits;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input is refused at construction, naming the field to fix (DESIGN.md invariant 5). */
class ValidationTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private static void assertRefused(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Map<String, String> labels(int count) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < count; i++) {
            labels.put("k" + i, "v");
        }
        return labels;
    }

    @Test
    void memberInfoWithNegativeLoadOrWithoutStateIsRefused() {
        assertRefused(() -> new MemberInfo("m-1", "a", "0.1.0", NOW, List.of(), -1, MemberState.ACTIVE), "load");
        assertRefused(() -> new MemberInfo("m-1", "a", "0.1.0", NOW, List.of(), 0, null), "state");
        assertThat(new MemberInfo("m-1", "a", "0.1.0", NOW, List.of()).with(List.of(), 3, MemberState.DRAINING).load()).isEqualTo(3);
    }

    @Test
    void priorityOutsideZeroToNineIsRefused() {
        assertRefused(() -> TaskOptions.builder().priority(10).build(), "options.priority");
        assertRefused(() -> TaskOptions.builder().priority(-1).build(), "options.priority");
        assertThat(TaskOptions.builder().priority(0).build().priority()).isZero();
        assertThat(TaskOptions.builder().priority(9).build().priority()).isEqualTo(9);
    }

    @Test
    void moreThanOneHundredRetriesIsRefused() {
        assertRefused(() -> TaskOptions.builder().maxRetries(101).build(), "options.maxRetries");
        assertRefused(() -> TaskOptions.builder().maxRetries(-1).build(), "options.maxRetries");
        assertThat(TaskOptions.builder().maxRetries(100).build().maxRetries()).isEqualTo(100);
    }

    @Test
    void negativeDelayIsRefused() {
        assertRefused(() -> TaskOptions.builder().delay(Duration.ofMillis(-1)).build(), "options.delay");
    }

    @Test
    void runAtAndDelayTogetherAreRefused() {
        assertRefused(() -> TaskOptions.builder().runAt(NOW).delay(Duration.ofSeconds(1)).build(), "options.runAt");
    }

    @Test
    void timeoutAndBackoffOutsideTheirBoundsAreRefused() {
        assertRefused(() -> TaskOptions.builder().timeout(Duration.ZERO).build(), "options.timeout");
        assertRefused(() -> TaskOptions.builder().timeout(Duration.ofDays(2)).build(), "options.timeout");
        assertRefused(() -> TaskOptions.builder().backoff(Duration.ofHours(2)).build(), "options.backoff");
    }

    @Test
    void unsetOptionsTakeTheStatedDefaults() {
        assertThat(TaskOptions.DEFAULTS).isEqualTo(new TaskOptions(TaskOptions.DEFAULT_PRIORITY,
                TaskOptions.DEFAULT_MAX_RETRIES, TaskOptions.DEFAULT_BACKOFF, TaskOptions.DEFAULT_TIMEOUT, null, null,
                Map.of(), null));
    }

    @Test
    void tooManyLabelsOrABadLabelNameIsRefused() {
        assertRefused(() -> TaskOptions.builder().labels(labels(65)).build(), "options.labels");
        assertRefused(() -> TaskOptions.builder().labels(Map.of("Bad Key", "v")).build(), "options.labels.Bad Key");
        assertThat(TaskOptions.builder().labels(labels(64)).build().labels()).hasSize(64);
    }

    @Test
    void typeThatIsNotAHandlerNameIsRefused() {
        for (String bad : List.of("", "Echo", "1echo", "echo task", "e".repeat(65))) {
            assertRefused(() -> TaskSpec.of(bad, "{}"), "type");
        }
        assertRefused(() -> TaskSpec.of(null, "{}"), "type");
        assertThatCode(() -> TaskSpec.of("image.resize-v2_x", "{}")).doesNotThrowAnyException();
    }

    @Test
    void inputThatIsNotOneJsonValueIsRefused() {
        for (String bad : List.of("", "   ", "{", "{\"a\":}", "{} {}", "nope", "1 2")) {
            assertRefused(() -> TaskSpec.of("echo", bad), "input");
        }
        assertThat(TaskSpec.of("echo", null).input()).isEqualTo("null");
        assertThat(TaskSpec.of("echo", " [1, {\"a\": \"b\"}] ").input()).isEqualTo(" [1, {\"a\": \"b\"}] ");
    }

    @Test
    void tooManyDependenciesAreRefused() {
        List<String> tooManyInputs = Collections.nCopies(TaskSpec.MAX_INPUTS + 1, "r-1");
        List<String> tooManyOutputs = Collections.nCopies(TaskSpec.MAX_OUTPUTS + 1, "r-1");

        assertRefused(() -> new TaskSpec("echo", "{}", null, tooManyInputs, null, null, null), "dependsOn");
        assertRefused(() -> new TaskSpec("echo", "{}", null, null, tooManyOutputs, null, null), "outputs");
        assertThat(new TaskSpec("echo", "{}", null, Collections.nCopies(TaskSpec.MAX_INPUTS, "r-1"), null, null, null)
                .dependsOn()).hasSize(TaskSpec.MAX_INPUTS);
    }

    @Test
    void badDependencyIdIsRefusedByItsPosition() {
        assertRefused(() -> new TaskSpec("echo", "{}", null, List.of("r-1", "bad id"), null, null, null), "dependsOn[1]");
    }

    @Test
    void blankOrOverlongIdempotencyKeyIsRefused() {
        assertRefused(() -> TaskSpec.of("echo", "{}").withIdempotencyKey(""), "idempotencyKey");
        assertRefused(() -> TaskSpec.of("echo", "{}").withIdempotencyKey("   "), "idempotencyKey");
        assertRefused(() -> TaskSpec.of("echo", "{}").withIdempotencyKey("k".repeat(129)), "idempotencyKey");
    }

    @Test
    void badIdsAreRefused() {
        for (String bad : List.of("", " ", "-leading-dash", ".x", "has space", "a/b", "é", "a".repeat(129), "x\u00e9")) {
            assertRefused(() -> Checks.id("id", bad), "id");
        }
        assertRefused(() -> Checks.id("id", null), "id");
        for (String good : List.of("t-1", "a", "A.b_c:d-e", "9", "a".repeat(128))) {
            assertThat(Checks.id("id", good)).isEqualTo(good);
        }
    }

    @Test
    void idCheckAgreesWithItsPublishedPattern() {
        for (String candidate : List.of("t-1", "_x", "x_", "0:0", ":x", "Z.", "x y", "ß", "a".repeat(128), "a".repeat(129))) {
            boolean accepted;
            try {
                Checks.id("id", candidate);
                accepted = true;
            } catch (InvalidValueException e) {
                accepted = false;
            }
            assertThat(accepted).as("'%s'", candidate).isEqualTo(Checks.ID.matcher(candidate).matches());
        }
    }

    @Test
    void sessionNameTooLongIsRefused() {
        String tooLong = "n".repeat(Session.MAX_NAME_CHARS + 1);

        assertRefused(() -> new Session("s-1", tooLong, null, SessionState.OPEN, NOW), "name");
        assertThat(new Session("s-1", null, null, SessionState.OPEN, NOW).name()).isEmpty();
    }

    @Test
    void sessionWithTooManyLabelsIsRefused() {
        assertRefused(() -> new Session("s-1", "n", labels(65), SessionState.OPEN, NOW), "labels");
    }

    @Test
    void sessionWithABadIdIsRefused() {
        assertRefused(() -> new Session("s 1", "n", null, SessionState.OPEN, NOW), "id");
    }

    @Test
    void problemMovedUnderALongerPathKeepsItsMessage() {
        InvalidValueException e = new InvalidValueException("options.priority", "must be between 0 and 9, got 12");

        InvalidValueException moved = e.under("tasks[3]");

        assertThat(moved.field()).isEqualTo("tasks[3].options.priority");
        assertThat(moved.getMessage()).isEqualTo("tasks[3].options.priority must be between 0 and 9, got 12");
    }

    @Test
    void resultLimitsMustBePositiveAndTheTombstoneBounded() {
        assertRefused(() -> new ResultLimits(0, 1, Duration.ZERO), "maxResultBytes");
        assertRefused(() -> new ResultLimits(1, -1, Duration.ZERO), "sessionQuotaBytes");
        assertRefused(() -> new ResultLimits(1, 1, Duration.ofSeconds(-1)), "tombstone");
        assertRefused(() -> new ResultLimits(1, 1, ResultLimits.MAX_TOMBSTONE.plusSeconds(1)), "tombstone");
        assertRefused(() -> new ResultLimits(1, 1, null), "tombstone");
        assertThatCode(() -> new ResultLimits(1, 1, Duration.ZERO)).doesNotThrowAnyException();
    }
}
