package io.weft.model.type;

import io.weft.model.Checks;
import io.weft.model.Json;
import io.weft.model.task.TaskOptions;

/**
 * A kind of task a handler runs: its name, version, description, input and output JSON Schemas,
 * and the options a task of this type gets unless it says otherwise.
 */
public record TaskType(String name, String version, String description, String inputSchema, String outputSchema,
                       TaskOptions defaultOptions) {

    /** A schema that accepts any JSON value. */
    public static final String ANY = "{}";

    public TaskType {
        Checks.name("name", name);
        Checks.text("version", Checks.notNull("version", version), 64);
        description = Checks.text("description", description == null ? "" : description, 4096);
        inputSchema = Json.document("inputSchema", inputSchema == null ? ANY : inputSchema);
        outputSchema = Json.document("outputSchema", outputSchema == null ? ANY : outputSchema);
        defaultOptions = defaultOptions == null ? TaskOptions.DEFAULTS : defaultOptions;
    }

    public static TaskType of(String name, String description, String inputSchema, String outputSchema) {
        return new TaskType(name, "1", description, inputSchema, outputSchema, null);
    }
}
