package io.weft.node.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.Json;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.session.Session;
import io.weft.model.task.Task;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON a delivery POSTs. It carries the delivery id and the event id, so a receiver told twice
 * (delivery is at least once) can tell. A task's output is included up to {@value #MAX_OUTPUT_CHARS}
 * characters; a larger one is left out ({@code "outputOmitted": true}) and read with the task.
 */
final class DeliveryBodies {

    static final int MAX_OUTPUT_CHARS = 64 * 1024;

    private DeliveryBodies() {
    }

    static String eventId(Task task) {
        return "task:" + task.id() + ":" + task.status().name().toLowerCase(Locale.ROOT);
    }

    static String eventId(Session session) {
        return "session:" + session.id() + ":finished";
    }

    static String forTask(String hookId, String eventId, HookEvent event, Task task) {
        ObjectNode body = envelope(hookId, eventId, event, task.sessionId(), task.endedAt());
        ObjectNode t = body.putObject("task");
        t.put("id", task.id());
        t.put("type", task.type());
        t.put("status", task.status().name());
        t.put("attempt", task.attempt());
        if (task.output() == null) {
            t.putNull("output");
        } else if (task.output().length() <= MAX_OUTPUT_CHARS) {
            t.set("output", Json.parse(task.output()));
        } else {
            t.putNull("output");
            t.put("outputOmitted", true);
        }
        if (task.error() == null) {
            t.putNull("error");
        } else {
            t.putObject("error").put("type", task.error().type().name()).put("message", task.error().message());
        }
        return Json.write(body);
    }

    static String forSession(String hookId, String eventId, Session session, Instant now) {
        ObjectNode body = envelope(hookId, eventId, HookEvent.SESSION_FINISHED, session.id(), now);
        body.putObject("session").put("id", session.id()).put("name", session.name()).put("state", session.state().name());
        return Json.write(body);
    }

    private static ObjectNode envelope(String hookId, String eventId, HookEvent event, String sessionId, Instant at) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("deliveryId", HookDelivery.idFor(hookId, eventId));
        body.put("eventId", eventId);
        body.put("event", event.name());
        body.put("hookId", hookId);
        body.put("sessionId", sessionId);
        body.put("occurredAt", at == null ? null : at.toString());
        return body;
    }
}
