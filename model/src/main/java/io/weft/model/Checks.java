package io.weft.model;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Construction-time validation shared by every domain type. Each check names the field it
 * refuses, so that a caller (and, through the gateway, an HTTP user) learns what to fix.
 */
public final class Checks {

    /** Ids are opaque, but bounded and free of characters that would need escaping in a URL. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    private Checks() {
    }

    public static String id(String field, String value) {
        notNull(field, value);
        if (!isId(value)) {
            throw new InvalidValueException(field, "must be 1-128 characters of [A-Za-z0-9._:-], got '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** The same rule as {@link #ID}, without a regex: ids are checked on every deserialization. */
    private static boolean isId(String value) {
        int length = value.length();
        if (length == 0 || length > 128 || !Character.isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The same rule as {@link #NAME}, without a regex: task type names are checked on every read. */
    private static boolean isName(String value) {
        int length = value.length();
        if (length == 0 || length > 64 || value.charAt(0) < 'a' || value.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    public static String name(String field, String value) {
        notNull(field, value);
        if (!isName(value)) {
            throw new InvalidValueException(field, "must match " + NAME.pattern() + ", got '" + abbreviate(value) + "'");
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters, got " + value.length());
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidValueException(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    public static Duration duration(String field, Duration value, Duration min, Duration max) {
        notNull(field, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static <C extends Collection<?>> C size(String field, C values, int max) {
        notNull(field, values);
        if (values.size() > max) {
            throw new InvalidValueException(field, "must hold at most " + max + " items, got " + values.size());
        }
        return values;
    }

    public static Map<String, String> labels(String field, Map<String, String> labels) {
        notNull(field, labels);
        if (labels.size() > 64) {
            throw new InvalidValueException(field, "must hold at most 64 labels, got " + labels.size());
        }
        labels.forEach((k, v) -> {
            name(field + "." + k, k);
            text(field + "." + k, notNull(field + "." + k, v), 256);
        });
        return Map.copyOf(labels);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
