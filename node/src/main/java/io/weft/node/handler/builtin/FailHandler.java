package io.weft.node.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;

/**
 * {@code fail}: fails its first {@code times} attempts with {@code message}, then succeeds. Without
 * {@code times} it always fails. For trying out retries and error reporting.
 */
public final class FailHandler implements TaskHandler {

    private static final TaskType TYPE = TaskType.of("fail", "Fails the first `times` attempts, then succeeds.", """
            {"type": "object", "additionalProperties": false,
             "properties": {"message": {"type": "string", "maxLength": 4096},
                            "times": {"type": "integer", "minimum": 0}}}""",
            """
            {"type": "object", "properties": {"attempt": {"type": "integer"}}}""");

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) {
        JsonNode input = context.input();
        String message = input.path("message").asText("failed on purpose");
        long times = input.has("times") ? input.path("times").asLong() : Long.MAX_VALUE;
        if (context.attempt() <= times) {
            throw new IntentionalFailure(message);
        }
        return Json.MAPPER.createObjectNode().put("attempt", context.attempt());
    }

    /** The exception a {@code fail} task throws; its class name shows in the task's error. */
    public static final class IntentionalFailure extends RuntimeException {
        public IntentionalFailure(String message) {
            super(message);
        }
    }
}
