package io.weft.gateway.service;

import io.weft.model.InvalidValueException;
import io.weft.gateway.wire.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque list cursors: the position (creation time and id) of the last item of the previous page,
 * so a page is stable while items are added. Lists are ordered oldest first, then by id.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    private Cursors() {
    }

    /** The page of {@code sorted} after {@code cursor}, at most {@code limit} long. */
    public static <T, V> Page<V> page(List<T> sorted, Function<T, Instant> time, Function<T, String> id, String cursor,
                                      Integer limit, Function<T, V> view) {
        int size = size(limit);
        Position after = position(cursor);
        List<V> items = new ArrayList<>(Math.min(size, sorted.size()));
        T last = null;
        boolean more = false;
        for (T item : sorted) {
            if (after != null && !after.isBefore(time.apply(item), id.apply(item))) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(view.apply(item));
            last = item;
        }
        return new Page<>(items, more ? encode(time.apply(last), id.apply(last)) : null);
    }

    /**
     * A page from a query that already started after the cursor and fetched up to {@code size(limit) + 1}
     * items: the extra one only says that there is more.
     */
    public static <T, V> Page<V> fromFetched(List<T> fetched, Function<T, Instant> time, Function<T, String> id,
                                             Integer limit, Function<T, V> view) {
        int size = size(limit);
        List<T> items = fetched.size() > size ? fetched.subList(0, size) : fetched;
        T last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = fetched.size() > size ? encode(time.apply(last), id.apply(last)) : null;
        return new Page<>(items.stream().map(view).toList(), next);
    }

    /** The page size a request asked for, checked. */
    public static int size(Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + size);
        }
        return size;
    }

    /** The position a cursor names, or {@code null} for none (the first page). */
    public static Position position(String cursor) {
        return cursor == null || cursor.isEmpty() ? null : decode(cursor);
    }

    static String encode(Instant time, String id) {
        String raw = time.getEpochSecond() + ":" + time.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            return new Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "is not a cursor this API returned");
        }
    }

    public record Position(Instant time, String id) {
        /** Whether this position comes before the item at (time, id). */
        boolean isBefore(Instant itemTime, String itemId) {
            int c = time.compareTo(itemTime);
            return c < 0 || (c == 0 && id.compareTo(itemId) < 0);
        }
    }
}
