package io.weft.gateway.socket;

import io.micronaut.http.HttpStatus;

/** A socket command without a key (401) or with a key that lacks the scope it needs (403). */
final class SocketAuthException extends RuntimeException {

    private final HttpStatus status;

    SocketAuthException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
