package io.weft.node.handler.builtin.booklet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.InvalidValueException;
import io.weft.model.Json;
import org.junit.jupiter.api.Test;

/** Reading the event: what the schema cannot check is refused naming the field; the chapters' order. */
class BookletEventTest {

    @Test
    void sampleEventReadsWithEverySessionAndContribution() {
        BookletEvent event = SampleEvent.event();
        assertThat(event.sessions()).hasSize(4);
        assertThat(event.contributions()).hasSize(16);
        assertThat(event.chapters()).extracting(BookletEvent.Chapter::title).last()
                .isEqualTo(BookletEvent.OTHER_CONTRIBUTIONS);
    }

    @Test
    void contributionsWithinASessionArePrintedByStartTime() {
        ObjectNode event = event("Ordering");
        event.putArray("sessions").addObject().put("id", "a").put("title", "A");
        ArrayNode contributions = event.putArray("contributions");
        contributions.addObject().put("title", "late").put("session", "a").put("startTime", "2026-01-01T11:00");
        contributions.addObject().put("title", "untimed").put("session", "a");
        contributions.addObject().put("title", "early").put("session", "a").put("startTime", "2026-01-01T09:00");

        assertThat(BookletEvent.from("event", event).chapters().get(0).contributions())
                .extracting(BookletEvent.Contribution::title).containsExactly("early", "late", "untimed");
    }

    @Test
    void contributionNamingAnUnknownSessionIsRefusedNamingIt() {
        ObjectNode event = event("Unknown session");
        event.putArray("contributions").addObject().put("title", "Talk").put("session", "nope");

        assertThatThrownBy(() -> BookletEvent.from("input.event", event))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("input.event.contributions[0].session"))
                .hasMessageContaining("nope");
    }

    @Test
    void blankTitlesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> BookletEvent.from("input.event", event("  ")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("input.event.title"));
        ObjectNode event = event("Fine");
        event.putArray("contributions").addObject().put("abstract", "no title");
        assertThatThrownBy(() -> BookletEvent.from("input.event", event))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("input.event.contributions[0].title"));
    }

    @Test
    void defaultFileNameIsTheTitleInLowerCaseAsciiWithDashes() {
        assertThat(BookletHandler.fileName(Json.MAPPER.missingNode(), "Zoë's Workshop: Ñúñez & Müller 2026"))
                .isEqualTo("zoe-s-workshop-nunez-muller-2026.odt");
        assertThat(BookletHandler.fileName(Json.MAPPER.missingNode(), "日本語")).isEqualTo("booklet.odt");
        assertThat(BookletHandler.fileName(Json.MAPPER.getNodeFactory().textNode("mine.odt"), "x")).isEqualTo("mine.odt");
    }

    private static ObjectNode event(String title) {
        return Json.MAPPER.createObjectNode().put("title", title);
    }
}
