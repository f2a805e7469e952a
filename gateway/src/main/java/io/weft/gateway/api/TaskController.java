package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.TaskService;
import io.weft.gateway.wire.Page;
import io.weft.gateway.wire.SubmitRequest;
import io.weft.gateway.wire.SubmitResponse;
import io.weft.gateway.wire.TaskView;

/** Tasks: batch submit into a session, read, list with filters, cancel. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tasks")
public class TaskController {

    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Post("/sessions/{sid}/tasks")
    public HttpResponse<SubmitResponse> submit(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                               String sid, @Body @Nullable SubmitRequest request) {
        SubmitResponse response = new SubmitResponse(tasks.submit(caller, sid, request).stream()
                .map(t -> new SubmitResponse.Submitted(t.id(), t.status().name())).toList());
        return HttpResponse.status(HttpStatus.CREATED).body(response);
    }

    @Get("/sessions/{sid}/tasks")
    public Page<TaskView> list(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid,
                               @QueryValue @Nullable String status, @QueryValue @Nullable String type,
                               @QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit) {
        return tasks.list(caller, sid, status, type, cursor, limit);
    }

    @Get("/tasks/{tid}")
    public TaskView get(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String tid) {
        return tasks.get(caller, tid);
    }

    @Post("/tasks/{tid}/cancel")
    public TaskView cancel(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String tid) {
        return tasks.cancel(caller, tid);
    }
}
