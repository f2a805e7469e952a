package io.weft.gateway.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.problem.Problem;

/** Recurring tasks arrive with the schedules issue; until then these routes answer 501. */
@Controller("/v1/schedules")
@Tag(name = "schedules")
public class ScheduleController {

    private static final String NOT_YET = "schedules are not implemented yet";

    @Post
    public HttpResponse<Problem> create() {
        throw new UnsupportedOperationException(NOT_YET);
    }

    @Get
    public HttpResponse<Problem> list() {
        throw new UnsupportedOperationException(NOT_YET);
    }

    @Delete("/{id}")
    public HttpResponse<Problem> delete(String id) {
        throw new UnsupportedOperationException(NOT_YET);
    }
}
