package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.type.TaskType;

final class TaskTypeSerializer implements CompactSerializer<TaskType> {

    @Override
    public TaskType read(CompactReader in) {
        return new TaskType(in.readString("name"), in.readString("version"), in.readString("description"),
                in.readString("inputSchema"), in.readString("outputSchema"), in.readCompact("defaultOptions"));
    }

    @Override
    public void write(CompactWriter out, TaskType value) {
        out.writeString("name", value.name());
        out.writeString("version", value.version());
        out.writeString("description", value.description());
        out.writeString("inputSchema", value.inputSchema());
        out.writeString("outputSchema", value.outputSchema());
        out.writeCompact("defaultOptions", value.defaultOptions());
    }

    @Override
    public String getTypeName() {
        return "weft.TaskType";
    }

    @Override
    public Class<TaskType> getCompactClass() {
        return TaskType.class;
    }
}
