package io.weft.gateway.edge;

/**
 * The calls whose contract needs a body: an empty one (or {@code null}) is refused before anything is
 * created, rather than read as "all defaults".
 */
public final class RequiredBody {

    private RequiredBody() {
    }

    /** {@code body}, or {@link RequestBodyException#missing} showing {@code shape}. */
    public static <T> T of(T body, String shape) {
        if (body == null) {
            throw RequestBodyException.missing(shape);
        }
        return body;
    }
}
