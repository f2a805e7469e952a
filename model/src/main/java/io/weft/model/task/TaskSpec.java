package io.weft.model.task;

import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.Json;
import java.util.List;

/**
 * What a user asks to run: everything about a task that is fixed at submission.
 *
 * @param type           the task type (handler name)
 * @param input          the handler's input, one JSON value
 * @param options        how to run it
 * @param dependsOn      result ids that must be COMPLETED before it may start
 * @param outputs        result ids it must complete to succeed
 * @param idempotencyKey a repeated submit with the same key in the same session returns the first task
 * @param parentId       the task that submitted this one as a subtask, or {@code null}
 */
public record TaskSpec(String type, String input, TaskOptions options, List<String> dependsOn,
                       List<String> outputs, String idempotencyKey, String parentId) {

    /** Inputs a task may wait for: each costs its waiting one bit (see {@link InputTally}). */
    public static final int MAX_INPUTS = 10_000;
    /** Outputs a task may own: each is made its own, one grid call apiece, when it is submitted. */
    public static final int MAX_OUTPUTS = 1_000;
    public static final int MAX_IDEMPOTENCY_KEY_CHARS = 128;

    public TaskSpec {
        Checks.name("type", type);
        input = Json.document("input", input == null ? "null" : input);
        options = options == null ? TaskOptions.DEFAULTS : options;
        dependsOn = List.copyOf(Checks.size("dependsOn", dependsOn == null ? List.of() : dependsOn, MAX_INPUTS));
        outputs = List.copyOf(Checks.size("outputs", outputs == null ? List.of() : outputs, MAX_OUTPUTS));
        for (int i = 0; i < dependsOn.size(); i++) {
            Checks.id("dependsOn[" + i + "]", dependsOn.get(i));
        }
        for (int i = 0; i < outputs.size(); i++) {
            Checks.id("outputs[" + i + "]", outputs.get(i));
        }
        if (idempotencyKey != null) {
            Checks.text("idempotencyKey", idempotencyKey, MAX_IDEMPOTENCY_KEY_CHARS);
            if (idempotencyKey.isBlank()) {
                throw new InvalidValueException("idempotencyKey", "must not be blank");
            }
        }
        Checks.optionalId("parentId", parentId);
    }

    public static TaskSpec of(String type, String input) {
        return new TaskSpec(type, input, null, null, null, null, null);
    }

    public TaskSpec withOptions(TaskOptions newOptions) {
        return new TaskSpec(type, input, newOptions, dependsOn, outputs, idempotencyKey, parentId);
    }

    public TaskSpec withIdempotencyKey(String key) {
        return new TaskSpec(type, input, options, dependsOn, outputs, key, parentId);
    }

    public TaskSpec withParent(String parent) {
        return new TaskSpec(type, input, options, dependsOn, outputs, idempotencyKey, parent);
    }
}
