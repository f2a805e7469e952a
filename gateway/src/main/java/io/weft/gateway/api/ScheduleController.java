package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.ScheduleService;
import io.weft.gateway.wire.ScheduleRequest;
import io.weft.gateway.wire.ScheduleView;
import java.util.List;

/** Recurring tasks: create, list, read, pause, resume and delete schedules. */
@Controller("/v1/schedules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "schedules")
public class ScheduleController {

    private final ScheduleService schedules;

    public ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Post
    public HttpResponse<ScheduleView> create(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                             @Body @Nullable ScheduleRequest request) {
        return HttpResponse.status(HttpStatus.CREATED).body(schedules.create(caller, request));
    }

    @Get
    public List<ScheduleView> list(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                   @QueryValue @Nullable String sessionId) {
        return schedules.list(caller, sessionId);
    }

    @Get("/{id}")
    public ScheduleView get(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return schedules.get(caller, id);
    }

    @Post("/{id}/pause")
    public ScheduleView pause(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return schedules.pause(caller, id);
    }

    @Post("/{id}/resume")
    public ScheduleView resume(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return schedules.resume(caller, id);
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        schedules.delete(caller, id);
        return HttpResponse.noContent();
    }
}
