package io.weft.gateway.socket;

import io.micronaut.http.HttpStatus;
import io.weft.gateway.problem.OverloadedException;
import io.weft.gateway.problem.Problem;
import io.weft.model.InvalidValueException;
import java.util.NoSuchElementException;

/**
 * The problem a failed socket command answers with: the same statuses the HTTP routes give for the
 * same exceptions (see {@code ExceptionHandlers}), since a socket has no response status of its own.
 */
final class SocketProblems {

    private SocketProblems() {
    }

    static Problem of(HttpStatus status, String detail, String field) {
        return new Problem(Problem.ABOUT_BLANK, status.getReason(), status.getCode(), detail, "/v1/ws", field);
    }

    static Problem of(Throwable e) {
        if (e instanceof SocketAuthException auth) {
            return of(auth.status(), auth.getMessage(), null);
        } else if (e instanceof InvalidValueException invalid) {
            return of(HttpStatus.BAD_REQUEST, invalid.getMessage(), invalid.field());
        } else if (e instanceof IllegalArgumentException) {
            return of(HttpStatus.BAD_REQUEST, e.getMessage(), null);
        } else if (e instanceof NoSuchElementException) {
            return of(HttpStatus.NOT_FOUND, e.getMessage(), null);
        } else if (e instanceof IllegalStateException) {
            return of(HttpStatus.CONFLICT, e.getMessage(), null);
        } else if (e instanceof OverloadedException) {
            return of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null);
        }
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "the gateway failed to answer; see its log", null);
    }
}
