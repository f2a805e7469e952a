package io.weft.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idempotentTaskIdIsTheSameForTheSameSessionAndKey() {
        assertThat(Ids.idempotentTaskId("s-1", "k1")).isEqualTo(Ids.idempotentTaskId("s-1", "k1"));
    }

    @Test
    void idempotentTaskIdDiffersPerSessionAndPerKey() {
        String id = Ids.idempotentTaskId("s-1", "k1");

        assertThat(Ids.idempotentTaskId("s-2", "k1")).isNotEqualTo(id);
        assertThat(Ids.idempotentTaskId("s-1", "k2")).isNotEqualTo(id);
        assertThat(Ids.idempotentTaskId("s-1k", "1")).as("session and key cannot run into each other")
                .isNotEqualTo(Ids.idempotentTaskId("s-1", "k1"));
    }

    @Test
    void generatedIdsAreValidIdsWithTheirPrefix() {
        assertThat(Checks.id("id", Ids.newTaskId())).startsWith(Ids.TASK);
        assertThat(Checks.id("id", Ids.newSessionId())).startsWith(Ids.SESSION);
        assertThat(Checks.id("id", Ids.newResultId())).startsWith(Ids.RESULT);
        assertThat(Checks.id("id", Ids.idempotentTaskId("s-1", "k1"))).startsWith(Ids.TASK);
        assertThat(Ids.newTaskId()).isNotEqualTo(Ids.newTaskId());
    }

    @Test
    void idempotentTaskIdKeepsItsFormSoARepeatAfterAnUpgradeLandsOnTheSameTask() {
        // The name-based UUID of "s-1", NUL, "k1", its 32 hex digits without dashes: a repeated
        // submit finds the first task only while this derivation stays as it is.
        UUID expected = UUID.nameUUIDFromBytes("s-1\u0000k1".getBytes(StandardCharsets.UTF_8));
        assertThat(Ids.idempotentTaskId("s-1", "k1")).isEqualTo(Ids.TASK + expected.toString().replace("-", ""));
    }

    @Test
    void generatedIdsAreThirtyTwoLowerCaseHexDigitsAfterTheirPrefix() {
        assertThat(Ids.newTaskId()).matches("t-[0-9a-f]{32}");
        assertThat(Ids.newSessionId()).matches("s-[0-9a-f]{32}");
    }
}
