package io.weft.model.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    @Test
    void templateWithOptionsAndANestedFollowUpIsRead() {
        FollowUp followUp = FollowUp.parse("""
                {"type": "sleep", "options": {"priority": 7, "timeout": "PT10S", "delay": "PT1S",
                 "labels": {"step": "2"}, "then": {"type": "echo"}}}""");

        assertThat(followUp.type()).isEqualTo("sleep");
        assertThat(followUp.options().priority()).isEqualTo(7);
        assertThat(followUp.options().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(followUp.options().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(followUp.options().labels()).containsEntry("step", "2");
        assertThat(followUp.options().followUp().type()).isEqualTo("echo");
        assertThat(FollowUp.parse(followUp.toJson())).isEqualTo(followUp);
    }

    @Test
    void badTemplatesAreRefusedNamingTheField() {
        assertField("[1]", "options.then");
        assertField("{\"options\": {}}", "options.then.type");
        assertField("{\"type\": \"Bad Name\"}", "options.then.type");
        assertField("{\"type\": \"echo\", \"input\": 1}", "options.then.input");
        assertField("{\"type\": \"echo\", \"options\": {\"priority\": 99}}", "options.then.options.priority");
        assertField("{\"type\": \"echo\", \"options\": {\"timeout\": \"soon\"}}", "options.then.options.timeout");
        assertField("{\"type\": \"echo\", \"options\": {\"runAt\": \"2030-01-01T00:00:00Z\"}}", "options.then.options.runAt");
        assertField("{\"type\": \"echo\", \"options\": {\"then\": {\"type\": 3}}}", "options.then.options.then.type");
    }

    @Test
    void taskOptionsRefuseABadThenAtConstruction() {
        assertThatThrownBy(() -> TaskOptions.builder().then("{\"type\": 1}").build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("options.then.type");
        assertThat(TaskOptions.DEFAULTS.then()).isNull();
        assertThat(TaskOptions.DEFAULTS.followUp()).isNull();
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> FollowUp.parse(json)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo(field);
    }
}
