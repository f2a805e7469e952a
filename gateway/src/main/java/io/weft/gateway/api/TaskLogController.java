package io.weft.gateway.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.service.TaskService;
import io.weft.gateway.wire.TaskLogView;
import io.weft.model.logs.TaskLog;
import java.util.List;

/** The log lines a task's handler wrote, the latest {@code WEFT_TASK_LOG_LINES} of them. */
@Controller("/v1/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tasks")
@GridBudget
public class TaskLogController {

    private final TaskService tasks;
    private final WeftClient weft;

    public TaskLogController(TaskService tasks, WeftClient weft) {
        this.tasks = tasks;
        this.weft = weft;
    }

    @Get("/{tid}/logs")
    public TaskLogView logs(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String tid) {
        tasks.require(caller, tid);
        TaskLog log = weft.logs().of(tid).orElse(null);
        if (log == null) {
            return new TaskLogView(tid, 0, List.of());
        }
        return new TaskLogView(tid, log.dropped(), log.lines().stream()
                .map(l -> new TaskLogView.Line(l.sequence(), l.at(), l.attempt(), l.text())).toList());
    }
}
