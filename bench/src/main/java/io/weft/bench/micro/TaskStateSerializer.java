package io.weft.bench.micro;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.serialization.HistoryFields;
import io.weft.model.task.ErrorType;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskStatus;
import java.time.Instant;

/**
 * {@link TaskState} written the way Weft's task serializer writes the same fields (flat, the history
 * as parallel arrays, the query-only times), so that the two differ only in the spec's fields.
 */
final class TaskStateSerializer implements CompactSerializer<TaskState> {

    @Override
    public TaskState read(CompactReader in) {
        String errorType = in.readString("errorType");
        TaskError error = errorType == null ? null
                : new TaskError(ErrorType.valueOf(errorType), in.readString("errorException"), in.readString("errorMessage"));
        return new TaskState(in.readString("id"), in.readString("sessionId"), in.readString("type"),
                TaskStatus.valueOf(in.readString("status")), in.readInt32("attempt"), in.readInt32("failures"),
                in.readString("worker"), Instant.ofEpochMilli(in.readInt64("dueAt")), in.readString("output"), error,
                HistoryFields.read(in));
    }

    @Override
    public void write(CompactWriter out, TaskState value) {
        out.writeString("id", value.id());
        out.writeString("sessionId", value.sessionId());
        out.writeString("type", value.type());
        out.writeString("status", value.status().name());
        out.writeInt32("attempt", value.attempt());
        out.writeInt32("failures", value.failures());
        out.writeString("worker", value.worker());
        out.writeInt64("dueAt", value.dueAt().toEpochMilli());
        out.writeString("output", value.output());
        TaskError error = value.error();
        out.writeString("errorType", error == null ? null : error.type().name());
        out.writeString("errorException", error == null ? null : error.exception());
        out.writeString("errorMessage", error == null ? null : error.message());
        HistoryFields.write(out, value.history());
        out.writeInt64("statusTime", HistoryFields.statusTime(value.status(), value.dueAt(), value.history()));
    }

    @Override
    public String getTypeName() {
        return "bench.TaskState";
    }

    @Override
    public Class<TaskState> getCompactClass() {
        return TaskState.class;
    }
}
