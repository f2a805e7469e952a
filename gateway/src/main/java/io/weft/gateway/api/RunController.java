package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.RunService;
import io.weft.gateway.service.TaskService;
import io.weft.gateway.wire.TaskView;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sync mode: {@code POST /v1/run/{type}?timeout=PT30S} with the input as body answers 200 with the
 * finished task, or 202 with {@code Location: /v1/tasks/{id}} when it is not done in time. No thread
 * waits meanwhile: the answer is sent from the task's completion event.
 */
@Controller("/v1/run")
@Tag(name = "run")
public class RunController {

    private final RunService runs;
    private final TaskService tasks;

    public RunController(RunService runs, TaskService tasks) {
        this.runs = runs;
        this.tasks = tasks;
    }

    @Post("/{type}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public CompletableFuture<HttpResponse<TaskView>> run(
            @Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String type,
            @QueryValue @Nullable String timeout, @Body @Nullable JsonNode input) {
        Duration wait = runs.timeout(timeout);
        return runs.run(caller, type, input, wait).thenApply(outcome -> {
            TaskView view = tasks.view(outcome.task());
            if (outcome.finished()) {
                return HttpResponse.ok(view);
            }
            return HttpResponse.<TaskView>status(HttpStatus.ACCEPTED).body(view)
                    .headers(h -> h.location(URI.create("/v1/tasks/" + view.id())));
        });
    }
}
