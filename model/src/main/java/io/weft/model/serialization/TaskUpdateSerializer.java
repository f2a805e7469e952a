package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.TaskUpdate;

final class TaskUpdateSerializer implements CompactSerializer<TaskUpdate> {

    @Override
    public TaskUpdate read(CompactReader in) {
        return new TaskUpdate(in.readCompact("task"), in.readBoolean("changed"));
    }

    @Override
    public void write(CompactWriter out, TaskUpdate value) {
        out.writeCompact("task", value.task());
        out.writeBoolean("changed", value.changed());
    }

    @Override
    public String getTypeName() {
        return "weft.TaskUpdate";
    }

    @Override
    public Class<TaskUpdate> getCompactClass() {
        return TaskUpdate.class;
    }
}
