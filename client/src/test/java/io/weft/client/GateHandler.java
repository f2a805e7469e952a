package io.weft.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A handler that notes every attempt it starts (its input's {@code name}) and, when the input says
 * {@code "hold": true}, holds its slot until {@link #open()} or until it is interrupted (which it
 * notes too): the tests see whether a handler ran at all, and whether a cancel stopped it.
 */
final class GateHandler implements TaskHandler {

    static final String TYPE = "gate";

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> interrupted = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public TaskType type() {
        return TaskType.of(TYPE, "Notes its start; holds its slot while asked to.", "{\"type\": \"object\"}",
                "{\"type\": \"object\"}");
    }

    @Override
    public JsonNode handle(TaskContext context) throws InterruptedException {
        String name = context.input().path("name").asText();
        started.add(name);
        if (context.input().path("hold").asBoolean()) {
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                interrupted.add(name);
                throw e;
            }
        }
        return Json.MAPPER.createObjectNode().put("name", name);
    }

    /** The names of the attempts started so far, in order. */
    List<String> started() {
        return List.copyOf(started);
    }

    /** The names of the attempts a cancel or timeout interrupted while they held. */
    List<String> interrupted() {
        return List.copyOf(interrupted);
    }

    /** Lets every holding attempt, and every later one, finish. */
    void open() {
        gate.countDown();
    }

    static String input(String name, boolean hold) {
        return "{\"name\":\"" + name + "\",\"hold\":" + hold + "}";
    }
}
