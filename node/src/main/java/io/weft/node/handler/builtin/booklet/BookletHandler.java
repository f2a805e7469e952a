package io.weft.node.handler.builtin.booklet;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.InvalidValueException;
import io.weft.model.Json;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code booklet}: lays an event's programme (an Indico-like export) out as an abstract booklet in
 * OpenDocument Text, streamed into a result that expires. It writes into the task's first declared
 * output, which keeps the name and expiry it was created with; without one it creates a result named
 * {@code fileName} that expires after {@code expiresInHours}.
 */
public final class BookletHandler implements TaskHandler {

    public static final int DEFAULT_EXPIRES_IN_HOURS = 24;
    public static final int MAX_EXPIRES_IN_HOURS = 720;
    static final int MAX_FILE_NAME_STEM = 100;

    private static final TaskType TYPE = TaskType.of("booklet",
            "Lays an event (an Indico-like JSON export) out as an abstract booklet: an OpenDocument Text file"
                    + " grouped by session, with a table of contents, kept as a result that expires.",
            resource("booklet-input.schema.json"), """
            {"type": "object", "properties": {
               "resultId": {"type": "string"}, "name": {"type": "string"}, "contentType": {"type": "string"},
               "bytes": {"type": "integer"}, "sha256": {"type": "string"},
               "contributions": {"type": "integer"}, "sessions": {"type": "integer"}}}""");

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        JsonNode input = context.input();
        BookletEvent event = BookletEvent.from("input.event", input.get("event"));
        String fileName = fileName(input.path("fileName"), event.title());
        Duration life = Duration.ofHours(expiresInHours(input.path("expiresInHours")));
        context.log("booklet of '" + event.title() + "': " + event.sessions().size() + " sessions, "
                + event.contributions().size() + " contributions");
        context.checkCancelled();
        String resultId = context.outputs().isEmpty()
                ? context.createResult(fileName, BookletDocument.CONTENT_TYPE, life)
                : context.outputs().get(0);
        context.log("writing " + fileName + " into result " + resultId);
        MeasuredOutputStream measured;
        try (OutputStream out = context.openOutput(resultId)) {
            measured = new MeasuredOutputStream(out);
            BookletDocument.write(event, measured, (step, steps, what) -> {
                context.checkCancelled();
                context.progress((double) step / steps, what);
            });
        }
        context.log("wrote " + measured.count() + " bytes, sha256 " + measured.sha256());
        return Json.MAPPER.createObjectNode()
                .put("resultId", resultId)
                .put("name", fileName)
                .put("contentType", BookletDocument.CONTENT_TYPE)
                .put("bytes", measured.count())
                .put("sha256", measured.sha256())
                .put("contributions", event.contributions().size())
                .put("sessions", event.sessions().size());
    }

    /** The given file name, or one made of the title: "Workshop on Ünits 2026" gives "workshop-on-units-2026.odt". */
    static String fileName(JsonNode given, String title) {
        if (!given.isMissingNode() && !given.isNull()) {
            String name = given.asText();
            if (!name.endsWith(".odt") || name.length() > 200 || name.contains("/") || name.contains("\\")) {
                throw new InvalidValueException("input.fileName", "must end with .odt, hold no / or \\ and be at most 200"
                        + " characters, got '" + name + "'");
            }
            return name;
        }
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String stem = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        stem = stem.substring(0, Math.min(stem.length(), MAX_FILE_NAME_STEM)).replaceAll("^-+|-+$", "");
        return (stem.isEmpty() ? "booklet" : stem) + ".odt";
    }

    static int expiresInHours(JsonNode given) {
        if (given.isMissingNode() || given.isNull()) {
            return DEFAULT_EXPIRES_IN_HOURS;
        }
        if (!given.canConvertToInt() || !given.isIntegralNumber()
                || given.intValue() < 1 || given.intValue() > MAX_EXPIRES_IN_HOURS) {
            throw new InvalidValueException("input.expiresInHours", "must be a whole number of hours from 1 to "
                    + MAX_EXPIRES_IN_HOURS + ", got " + given);
        }
        return given.intValue();
    }

    private static String resource(String name) {
        try (InputStream in = BookletHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the node's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
