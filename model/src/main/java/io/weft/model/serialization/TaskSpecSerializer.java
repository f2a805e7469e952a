package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.TaskSpec;

final class TaskSpecSerializer implements CompactSerializer<TaskSpec> {

    @Override
    public TaskSpec read(CompactReader in) {
        return new TaskSpec(in.readString("type"), in.readString("input"), in.readCompact("options"),
                Fields.readStrings(in, "dependsOn"), Fields.readStrings(in, "outputs"),
                in.readString("idempotencyKey"), in.readString("parentId"));
    }

    @Override
    public void write(CompactWriter out, TaskSpec value) {
        out.writeString("type", value.type());
        out.writeString("input", value.input());
        out.writeCompact("options", value.options());
        Fields.writeStrings(out, "dependsOn", value.dependsOn());
        Fields.writeStrings(out, "outputs", value.outputs());
        out.writeString("idempotencyKey", value.idempotencyKey());
        out.writeString("parentId", value.parentId());
    }

    @Override
    public String getTypeName() {
        return "weft.TaskSpec";
    }

    @Override
    public Class<TaskSpec> getCompactClass() {
        return TaskSpec.class;
    }

}
