package io.weft.gateway.edge;

import io.weft.model.InvalidValueException;

/**
 * A request body refused as a whole (none where one is required, or text that is not exactly one JSON
 * value): a 400 whose field is {@value #ROOT}, the JSON Pointer of the whole document.
 */
public final class RequestBodyException extends InvalidValueException {

    /** The pointer a problem names when the body itself, not one of its fields, is wrong. */
    public static final String ROOT = "/";

    private final String problem;

    private RequestBodyException(String problem) {
        super(ROOT, problem);
        this.problem = problem;
    }

    /** No body, or the JSON literal {@code null}, where the call needs one; {@code shape} shows what to send. */
    public static RequestBodyException missing(String shape) {
        return new RequestBodyException("a request body is required: " + shape);
    }

    /** A body that does not parse as exactly one JSON value with distinct keys. */
    public static RequestBodyException malformed(String why) {
        return new RequestBodyException("the request body is not one well-formed JSON value: " + why);
    }

    /** The problem alone: "/ a request body is required" reads worse than the sentence without its field. */
    @Override
    public String getMessage() {
        return problem;
    }
}
