package io.weft.gateway.edge;

/**
 * The client stopped sending a request body before its end (it broke off, or stalled past
 * {@code WEFT_HTTP_IDLE} and was cut off): its doing, not the gateway's, so a 400 and no stack trace.
 */
public final class BodyBrokeOffException extends RuntimeException {

    public BodyBrokeOffException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
