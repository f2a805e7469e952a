package io.weft.model.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.Json;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The task a task's {@code then} option asks for once it SUCCEEDS: a type and options; its input is
 * the finished task's output. Kept in {@link TaskOptions#then()} as JSON text, the same shape a user
 * sends: {@code {"type": "echo", "options": {"priority": 7, "then": {…}}}}. The options take no
 * {@code runAt}, since the follow-up's time is not known when the template is written; {@code delay}
 * counts from the success.
 */
public record FollowUp(String type, TaskOptions options) {

    private static final Set<String> FIELDS = Set.of("type", "options");
    private static final Set<String> OPTION_FIELDS = Set.of("priority", "maxRetries", "backoff", "timeout", "delay",
            "labels", "then");

    public FollowUp {
        Checks.name("options.then.type", type);
        options = options == null ? TaskOptions.DEFAULTS : options;
        if (options.runAt() != null) {
            throw new InvalidValueException("options.then.options.runAt", "is not allowed in a follow-up; use delay");
        }
    }

    /** Reads and checks a template; an {@link InvalidValueException} names the field under {@code options.then}. */
    public static FollowUp parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(Json.document("options.then", json));
        } catch (IllegalArgumentException e) {
            throw e instanceof InvalidValueException iv ? iv : new InvalidValueException("options.then", e.getMessage());
        }
        if (!root.isObject()) {
            throw new InvalidValueException("options.then", "must be an object {\"type\": …, \"options\": {…}}");
        }
        unknownFields("options.then", root, FIELDS);
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new InvalidValueException("options.then.type", "must name a task type");
        }
        JsonNode options = root.get("options");
        return new FollowUp(type.asText(), options == null || options.isNull() ? null : options(options));
    }

    /** The template as JSON text, readable by {@link #parse}. */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode().put("type", type);
        ObjectNode o = root.putObject("options").put("priority", options.priority()).put("maxRetries", options.maxRetries())
                .put("backoff", options.backoff().toString()).put("timeout", options.timeout().toString());
        if (options.delay() != null) {
            o.put("delay", options.delay().toString());
        }
        ObjectNode labels = o.putObject("labels");
        options.labels().forEach(labels::put);
        if (options.then() != null) {
            o.set("then", Json.parse(options.then()));
        }
        return Json.write(root);
    }

    private static TaskOptions options(JsonNode node) {
        String at = "options.then.options";
        if (!node.isObject()) {
            throw new InvalidValueException(at, "must be an object");
        }
        unknownFields(at, node, OPTION_FIELDS);
        TaskOptions.Builder b = TaskOptions.builder()
                .priority(integer(at + ".priority", node.get("priority")))
                .maxRetries(integer(at + ".maxRetries", node.get("maxRetries")))
                .backoff(duration(at + ".backoff", node.get("backoff")))
                .timeout(duration(at + ".timeout", node.get("timeout")))
                .delay(duration(at + ".delay", node.get("delay")));
        JsonNode labels = node.get("labels");
        if (labels != null && !labels.isNull()) {
            if (!labels.isObject()) {
                throw new InvalidValueException(at + ".labels", "must be an object of strings");
            }
            Map<String, String> map = new LinkedHashMap<>();
            labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            b.labels(map);
        }
        JsonNode then = node.get("then");
        if (then != null && !then.isNull()) {
            b.then(Json.write(then));
        }
        try {
            return b.build();
        } catch (InvalidValueException e) {
            // The builder names fields from its own root (options.…): put them under this template.
            throw e.under("options.then");
        }
    }

    private static void unknownFields(String at, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidValueException(at + "." + name, "is not a known field; expected one of " + known);
            }
        }
    }

    private static Integer integer(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidValueException(field, "must be an integer");
        }
        return value.asInt();
    }

    private static Duration duration(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Duration.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO-8601 duration such as PT5S");
        }
    }
}
