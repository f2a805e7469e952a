package io.weft.node.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;

/** {@code sleep}: waits {@code ms} milliseconds (interruptibly), then returns {@code {"slept": ms}}. */
public final class SleepHandler implements TaskHandler {

    private static final TaskType TYPE = TaskType.of("sleep", "Sleeps for ms milliseconds.", """
            {"type": "object", "required": ["ms"], "additionalProperties": false,
             "properties": {"ms": {"type": "integer", "minimum": 0, "maximum": 86400000}}}""",
            """
            {"type": "object", "properties": {"slept": {"type": "integer"}}}""");

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) throws InterruptedException {
        JsonNode ms = context.input().path("ms");
        if (!ms.canConvertToLong() || ms.asLong() < 0) {
            throw new IllegalArgumentException("input.ms must be a non-negative integer");
        }
        Thread.sleep(ms.asLong());
        return Json.MAPPER.createObjectNode().put("slept", ms.asLong());
    }
}
