package io.weft.node.handler.builtin.booklet;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample event the docs publish ({@code docs/examples/indico-event.json}), as the tests read it. */
final class SampleEvent {

    static final Path FILE = Path.of("..", "docs", "examples", "indico-event.json");

    private SampleEvent() {
    }

    static JsonNode json() {
        try {
            return Json.parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("the sample event " + FILE.toAbsolutePath() + " is unreadable", e);
        }
    }

    static BookletEvent event() {
        return BookletEvent.from("event", json());
    }
}
