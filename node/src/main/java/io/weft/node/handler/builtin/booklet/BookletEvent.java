package io.weft.node.handler.builtin.booklet;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.InvalidValueException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event a booklet is made of, read from the Indico-like JSON of the {@code booklet} task's
 * {@code event} (its schema is {@code booklet-input.schema.json}). Fields the booklet does not use are
 * ignored, so a richer export still reads.
 *
 * @param startDate {@code null} when the input gives none, as is {@code endDate}
 */
public record BookletEvent(String title, LocalDate startDate, LocalDate endDate, String timezone, String venue,
                           String description, List<Session> sessions, List<Contribution> contributions) {

    /** The heading of the contributions that belong to no session. */
    public static final String OTHER_CONTRIBUTIONS = "Other contributions";

    public BookletEvent {
        sessions = List.copyOf(sessions);
        contributions = List.copyOf(contributions);
    }

    /** A session of the programme; {@code conveners} may be empty. */
    public record Session(String id, String title, List<String> conveners) {
    }

    /**
     * One talk or poster. {@code session} is the id of its session or {@code null}; {@code startTime}
     * is local time in the event's timezone as the export gives it; {@code durationMinutes} is 0 when
     * unknown.
     */
    public record Contribution(String id, String title, String session, String startTime, int durationMinutes,
                               List<Author> authors, String abstractText) {
    }

    public record Author(String name, String affiliation) {
    }

    /** A heading of the booklet and the contributions under it, in the order they are printed. */
    public record Chapter(String title, Session session, List<Contribution> contributions) {
    }

    /**
     * The booklet's chapters: one per session, in the sessions' order, each with its contributions by
     * start time (those without one last, in input order), then "Other contributions" if any belong to
     * no session.
     */
    public List<Chapter> chapters() {
        Map<String, List<Contribution>> bySession = new LinkedHashMap<>();
        sessions.forEach(s -> bySession.put(s.id(), new ArrayList<>()));
        List<Contribution> others = new ArrayList<>();
        for (Contribution contribution : contributions) {
            (contribution.session() == null ? others : bySession.get(contribution.session())).add(contribution);
        }
        List<Chapter> chapters = new ArrayList<>();
        for (Session session : sessions) {
            chapters.add(new Chapter(session.title(), session, byStartTime(bySession.get(session.id()))));
        }
        if (!others.isEmpty()) {
            chapters.add(new Chapter(OTHER_CONTRIBUTIONS, null, byStartTime(others)));
        }
        return chapters;
    }

    private static List<Contribution> byStartTime(List<Contribution> contributions) {
        // A stable sort: contributions without a time keep their input order, after the timed ones.
        return contributions.stream()
                .sorted(Comparator.comparing(Contribution::startTime, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * Reads the event, refusing what the schema cannot express (a contribution naming an unknown
     * session, a session id given twice) or what reached the handler without passing the schema. Each
     * refusal names its field under {@code field} (for example {@code event.contributions[3].title}).
     */
    public static BookletEvent from(String field, JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new InvalidValueException(field, "must be an object");
        }
        List<Session> sessions = new ArrayList<>();
        JsonNode sessionNodes = event.path("sessions");
        for (int i = 0; i < sessionNodes.size(); i++) {
            String at = field + ".sessions[" + i + "]";
            JsonNode node = sessionNodes.get(i);
            String id = required(at + ".id", node.path("id"));
            if (sessions.stream().anyMatch(s -> s.id().equals(id))) {
                throw new InvalidValueException(at + ".id", "repeats session id '" + id + "'");
            }
            List<String> conveners = new ArrayList<>();
            node.path("conveners").forEach(c -> conveners.add(c.asText()));
            sessions.add(new Session(id, required(at + ".title", node.path("title")), conveners));
        }
        List<Contribution> contributions = new ArrayList<>();
        JsonNode contributionNodes = event.path("contributions");
        for (int i = 0; i < contributionNodes.size(); i++) {
            contributions.add(contribution(field + ".contributions[" + i + "]", contributionNodes.get(i), sessions));
        }
        return new BookletEvent(required(field + ".title", event.path("title")),
                date(field + ".startDate", event.path("startDate")), date(field + ".endDate", event.path("endDate")),
                optional(event.path("timezone")), optional(event.path("venue")), optional(event.path("description")),
                sessions, contributions);
    }

    private static Contribution contribution(String at, JsonNode node, List<Session> sessions) {
        String session = optional(node.path("session"));
        if (session != null && sessions.stream().noneMatch(s -> s.id().equals(session))) {
            throw new InvalidValueException(at + ".session", "names session '" + session + "', which the event does not have");
        }
        List<Author> authors = new ArrayList<>();
        JsonNode authorNodes = node.path("authors");
        for (int i = 0; i < authorNodes.size(); i++) {
            JsonNode author = authorNodes.get(i);
            authors.add(new Author(required(at + ".authors[" + i + "].name", author.path("name")),
                    optional(author.path("affiliation"))));
        }
        return new Contribution(optional(node.path("id")), required(at + ".title", node.path("title")), session,
                optional(node.path("startTime")), node.path("duration").asInt(0), authors,
                node.path("abstract").asText(""));
    }

    private static String required(String field, JsonNode value) {
        String text = optional(value);
        if (text == null) {
            throw new InvalidValueException(field, "is required and may not be blank");
        }
        return text;
    }

    /** The trimmed text of a value, or {@code null} when it is missing, JSON null or blank. */
    private static String optional(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(String field, JsonNode value) {
        String text = optional(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be a date like 2026-03-16, got '" + text + "'");
        }
    }
}
