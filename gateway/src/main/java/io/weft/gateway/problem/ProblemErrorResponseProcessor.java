package io.weft.gateway.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Every error Micronaut answers by itself (unknown route 404, wrong method 405, unreadable body 400,
 * unsupported media type 415, an unexpected exception 500) becomes problem+json, never a stack trace
 * nor an HTML page.
 */
@Primary
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail;
        String field = null;
        if (status.getCode() >= 500) {
            detail = "the gateway failed to answer; see its log";
        } else if (context.hasErrors()) {
            detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            field = context.getErrors().get(0).getPath().orElse(null);
        } else {
            detail = status.getReason();
        }
        Problem problem = new Problem(Problem.ABOUT_BLANK, status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), field);
        return response.body(problem).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }
}
