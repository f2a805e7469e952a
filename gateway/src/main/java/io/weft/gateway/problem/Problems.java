package io.weft.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, String field, HttpRequest<?> request) {
        Problem problem = new Problem(Problem.ABOUT_BLANK, status.getReason(), status.getCode(), detail,
                request == null ? null : request.getPath(), field);
        return HttpResponse.<Problem>status(status).body(problem).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, HttpRequest<?> request) {
        return response(status, detail, null, request);
    }
}
