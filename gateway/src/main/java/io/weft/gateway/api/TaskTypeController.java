package io.weft.gateway.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.service.JsonText;
import io.weft.gateway.service.TypeCatalog;
import io.weft.gateway.wire.TaskTypeView;
import java.util.Comparator;
import java.util.List;

/** The task types the cluster serves, with their input and output JSON Schemas. */
@Controller("/v1/task-types")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "task-types")
public class TaskTypeController {

    private final TypeCatalog types;
    private final JsonText json;

    public TaskTypeController(TypeCatalog types, JsonText json) {
        this.types = types;
        this.json = json;
    }

    @Get
    public List<TaskTypeView> list() {
        return types.types().values().stream()
                .sorted(Comparator.comparing(s -> s.type().name()))
                .map(s -> new TaskTypeView(s.type().name(), s.type().version(), s.type().description(),
                        json.tree(s.type().inputSchema()), json.tree(s.type().outputSchema()), s.members(), s.slots()))
                .toList();
    }
}
