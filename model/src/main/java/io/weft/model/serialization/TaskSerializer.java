package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.List;

/**
 * Field names here are queryable: the tasks map indexes {@code status}, {@code sessionId}, {@code worker}
 * and {@code updatedAt}; {@code type}, {@code priority} and {@code updatedAt} are written only for queries.
 */
final class TaskSerializer implements CompactSerializer<Task> {

    @Override
    public Task read(CompactReader in) {
        StatusChange[] history = in.readArrayOfCompact("history", StatusChange.class);
        return new Task(in.readString("id"), in.readString("sessionId"), in.readCompact("spec"),
                Fields.readEnum(in, "status", TaskStatus.class), in.readInt32("attempt"), in.readInt32("failures"),
                in.readString("worker"), Instant.ofEpochMilli(in.readInt64("dueAt")), in.readString("output"),
                in.readCompact("error"), List.of(history));
    }

    @Override
    public void write(CompactWriter out, Task value) {
        out.writeString("id", value.id());
        out.writeString("sessionId", value.sessionId());
        out.writeCompact("spec", value.spec());
        out.writeString("status", value.status().name());
        out.writeString("type", value.type());
        out.writeInt32("priority", value.priority());
        out.writeInt32("attempt", value.attempt());
        out.writeInt32("failures", value.failures());
        out.writeString("worker", value.worker());
        out.writeInt64("dueAt", value.dueAt().toEpochMilli());
        out.writeString("output", value.output());
        out.writeCompact("error", value.error());
        // Denormalised for queries: when the task last changed (the stranded-task sweep reads it).
        out.writeInt64("updatedAt", value.history().get(value.history().size() - 1).at().toEpochMilli());
        out.writeArrayOfCompact("history", value.history().toArray(new StatusChange[0]));
    }

    @Override
    public String getTypeName() {
        return "weft.Task";
    }

    @Override
    public Class<Task> getCompactClass() {
        return Task.class;
    }
}
