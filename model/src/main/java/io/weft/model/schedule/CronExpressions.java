package io.weft.model.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.weft.model.InvalidValueException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cron expressions, parsed by cron-utils. Five fields ({@code minute hour day-of-month month
 * day-of-week}) read as Unix cron; six fields put seconds first, as Spring's cron does
 * ({@code 0 *}{@code /5 * * * *} is every five minutes on the minute).
 */
public final class CronExpressions {

    /** Parsed expressions are kept: the firer steps the same few expressions again and again. */
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, ExecutionTime> PARSED = new ConcurrentHashMap<>();
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private CronExpressions() {
    }

    /** Checks {@code expression}, naming {@code field} when it is refused; returns it trimmed. */
    public static String check(String field, String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidValueException(field, "must be a cron expression of 5 fields (or 6, seconds first)");
        }
        String trimmed = expression.trim().replaceAll("\\s+", " ");
        try {
            parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "is not a valid cron expression ('" + trimmed + "'): " + e.getMessage());
        }
        return trimmed;
    }

    /** The first time the expression matches strictly after {@code after}, in {@code zone}; empty if it never will. */
    public static Optional<Instant> nextAfter(String expression, ZoneId zone, Instant after) {
        return parse(expression).nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    private static ExecutionTime parse(String expression) {
        ExecutionTime known = PARSED.get(expression);
        if (known != null) {
            return known;
        }
        int fields = expression.split(" ").length;
        CronParser parser = fields == 5 ? UNIX : fields == 6 ? WITH_SECONDS : null;
        if (parser == null) {
            throw new IllegalArgumentException("it has " + fields + " fields; expected 5, or 6 with seconds first");
        }
        Cron cron = parser.parse(expression).validate();
        ExecutionTime parsed = ExecutionTime.forCron(cron);
        if (PARSED.size() >= CACHE_LIMIT) {
            PARSED.clear();
        }
        PARSED.put(expression, parsed);
        return parsed;
    }
}
