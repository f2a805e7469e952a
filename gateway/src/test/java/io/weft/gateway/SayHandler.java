package io.weft.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;

/** {@code say}: writes each of its input's {@code lines} to the task's log. Found by the gateway tests' node. */
public final class SayHandler implements TaskHandler {

    @Override
    public TaskType type() {
        return TaskType.of("say", "Writes its input's lines to the task's log.", """
                {"type": "object", "properties": {"lines": {"type": "array", "items": {"type": "string"}}}}""", "{}");
    }

    @Override
    public JsonNode handle(TaskContext context) {
        context.input().path("lines").forEach(line -> context.log(line.asText()));
        return null;
    }
}
