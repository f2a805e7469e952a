package io.weft.node.handler.builtin.booklet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the booklet prints the event's dates and a contribution's slot, in English. */
final class EventDates {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private EventDates() {
    }

    /** "16–18 March 2026", "30 March – 2 April 2026", "16 March 2026", or "" when there is no start. */
    static String range(LocalDate start, LocalDate end) {
        if (start == null) {
            return "";
        }
        if (end == null || end.equals(start)) {
            return DAY_MONTH_YEAR.format(start);
        }
        if (start.getYear() != end.getYear()) {
            return DAY_MONTH_YEAR.format(start) + " – " + DAY_MONTH_YEAR.format(end);
        }
        if (start.getMonth() != end.getMonth()) {
            return DAY_MONTH.format(start) + " – " + DAY_MONTH_YEAR.format(end);
        }
        return start.getDayOfMonth() + "–" + DAY_MONTH_YEAR.format(end);
    }

    /**
     * "Monday 16 March 2026, 09:20 (20 min)"; a start time that is not ISO local date-time is printed
     * as given; "" when there is neither a time nor a duration.
     */
    static String slot(String startTime, int durationMinutes) {
        String start = "";
        if (startTime != null) {
            try {
                start = SLOT.format(LocalDateTime.parse(startTime));
            } catch (DateTimeParseException e) {
                start = startTime;
            }
        }
        String duration = durationMinutes > 0 ? "(" + durationMinutes + " min)" : "";
        return (start + " " + duration).strip();
    }
}
