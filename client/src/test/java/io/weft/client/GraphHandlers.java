package io.weft.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.model.task.TaskSpec;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Handlers that pass data along a graph of tasks, for the data-plane tests. */
final class GraphHandlers {

    private GraphHandlers() {
    }

    static List<TaskHandler> all() {
        return List.of(new Concat(), new Delegate(), new WriteThenFail());
    }

    /**
     * Reads its inputs in {@code dependsOn} order and writes, to each of its outputs, their texts and
     * then its own {@code label}, joined by commas: the output shows the path the data took.
     */
    static final class Concat implements TaskHandler {

        @Override
        public TaskType type() {
            return TaskType.of("concat", "Joins its inputs' texts and its label into each output.",
                    "{\"type\": \"object\"}", "{\"type\": \"object\"}");
        }

        @Override
        public JsonNode handle(TaskContext context) {
            List<String> parts = new ArrayList<>();
            for (String input : context.dependsOn()) {
                parts.add(read(context, input));
            }
            parts.add(context.input().path("label").asText(""));
            String text = String.join(",", parts);
            for (String output : context.outputs()) {
                write(context, output, text);
            }
            return Json.MAPPER.createObjectNode().put("text", text);
        }
    }

    /**
     * Hands its outputs to a subtask of the same kind {@code depth} times over; the last one writes
     * {@code label} into them.
     */
    static final class Delegate implements TaskHandler {

        @Override
        public TaskType type() {
            return TaskType.of("delegate", "Hands its outputs to a subtask, depth times over.",
                    "{\"type\": \"object\"}", "{\"type\": \"object\"}");
        }

        @Override
        public JsonNode handle(TaskContext context) {
            int depth = context.input().path("depth").asInt(0);
            String label = context.input().path("label").asText("");
            if (depth == 0) {
                context.outputs().forEach(output -> write(context, output, label));
                return Json.MAPPER.createObjectNode().put("wrote", label);
            }
            String childInput = Json.MAPPER.createObjectNode().put("depth", depth - 1).put("label", label).toString();
            TaskSpec child = new TaskSpec("delegate", childInput, null, null, context.outputs(), null, null);
            List<String> ids = context.submitSubtasks(List.of(child));
            return Json.MAPPER.createObjectNode().put("delegatedTo", ids.get(0));
        }
    }

    /** Writes {@code attempt N} into its outputs, then fails its first {@code failures} attempts. */
    static final class WriteThenFail implements TaskHandler {

        @Override
        public TaskType type() {
            return TaskType.of("write-then-fail", "Writes its outputs, then fails the first attempts.",
                    "{\"type\": \"object\"}", "{\"type\": \"object\"}");
        }

        @Override
        public JsonNode handle(TaskContext context) {
            context.outputs().forEach(output -> write(context, output, "attempt " + context.attempt()));
            if (context.attempt() <= context.input().path("failures").asInt(0)) {
                throw new IllegalStateException("failing attempt " + context.attempt() + " after writing");
            }
            return null;
        }
    }

    static String read(TaskContext context, String resultId) {
        try (InputStream in = context.openInput(resultId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(TaskContext context, String resultId, String text) {
        try (OutputStream out = context.openOutput(resultId)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
