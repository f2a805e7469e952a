package io.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads every input and writes their bytes (at most 64) to every output: the smallest real data edge. */
final class RelayHandler implements TaskHandler {

    static final String TYPE = "relay";

    @Override
    public TaskType type() {
        return TaskType.of(TYPE, "Copies its inputs' first bytes to its outputs.", "{}", "{}");
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        byte[] carried = new byte[0];
        for (String input : context.dependsOn()) {
            try (InputStream in = context.openInput(input)) {
                carried = in.readNBytes(64);
            }
        }
        for (String output : context.outputs()) {
            try (OutputStream out = context.openOutput(output)) {
                out.write(carried.length == 0 ? new byte[] {1} : carried);
            }
        }
        return null;
    }
}
