package io.weft.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.weft.client.WeftClient;
import io.weft.gateway.budget.GridBudget;
import io.weft.model.InvalidValueException;
import io.weft.model.Json;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.ServedType;
import io.weft.model.grid.MemberDirectory;
import io.weft.model.type.TaskType;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task types the cluster serves (from the client's local copy of the member directory) and their
 * compiled input schemas. A schema without {@code $schema} is read as JSON Schema 2020-12.
 */
@Singleton
@GridBudget
public class TypeCatalog {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final MemberDirectory directory;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    public TypeCatalog(WeftClient weft) {
        this.directory = weft.members();
    }

    /** Every served type, by name, with its members and slots summed. */
    public Map<String, Served> types() {
        Map<String, Served> byName = new LinkedHashMap<>();
        for (MemberInfo member : members()) {
            for (ServedType served : member.served()) {
                byName.merge(served.type().name(), new Served(served.type(), 1, served.slots()),
                        (a, b) -> new Served(a.type(), a.members() + 1, a.slots() + b.slots()));
            }
        }
        return byName;
    }

    public List<MemberInfo> members() {
        return directory.all().stream().sorted(Comparator.comparing(MemberInfo::startedAt)).toList();
    }

    /**
     * Checks a task's input against its type's schema; a refusal names the first failing field under
     * {@code prefix} (for example {@code tasks[0].input.ms}).
     */
    public void validate(String prefix, String typeName, String inputJson) {
        Served served = types().get(typeName);
        if (served == null) {
            // A node may have joined while this gateway missed its event (a reconnect): look once more.
            directory.reload();
            served = types().get(typeName);
        }
        if (served == null) {
            throw new InvalidValueException(under(prefix, "type"), "names task type '" + typeName
                    + "', which no node serves; known types: " + types().keySet());
        }
        String schemaText = served.type().inputSchema();
        if (TaskType.ANY.equals(schemaText.replace(" ", ""))) {
            return;
        }
        JsonSchema schema = compiled.computeIfAbsent(schemaText, text -> SCHEMAS.getSchema(Json.parse(text)));
        JsonNode input = Json.parse(inputJson);
        Set<ValidationMessage> errors = schema.validate(input);
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage first = errors.stream().min(Comparator.comparing(m -> m.getInstanceLocation().toString())).orElseThrow();
        StringBuilder field = new StringBuilder(under(prefix, "input"));
        appendPath(field, first.getInstanceLocation());
        if ("required".equals(first.getType()) && first.getProperty() != null) {
            field.append('.').append(first.getProperty());
        } else if ("additionalProperties".equals(first.getType()) && first.getProperty() != null) {
            field.append('.').append(first.getProperty());
        }
        throw new InvalidValueException(field.toString(), "does not match the input schema of '" + typeName + "': "
                + first.getMessage());
    }

    /** {@code prefix.name}, or {@code name} alone for an empty prefix. */
    public static String under(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static void appendPath(StringBuilder field, JsonNodePath path) {
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append('.').append(element);
            }
        }
    }

    /** A type, how many members serve it, and their slots in all. */
    public record Served(TaskType type, int members, int slots) {
    }
}
