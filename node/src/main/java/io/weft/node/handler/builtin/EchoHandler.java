package io.weft.node.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;

/** {@code echo}: the output is the input. The no-op task that benchmarks and tests run. */
public final class EchoHandler implements TaskHandler {

    private static final TaskType TYPE = TaskType.of("echo", "Returns its input unchanged.", TaskType.ANY, TaskType.ANY);

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) {
        return context.input();
    }
}
