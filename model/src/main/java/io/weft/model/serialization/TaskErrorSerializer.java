package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.ErrorType;
import io.weft.model.task.TaskError;

final class TaskErrorSerializer implements CompactSerializer<TaskError> {

    @Override
    public TaskError read(CompactReader in) {
        return new TaskError(Fields.readEnum(in, "type", ErrorType.class), in.readString("exception"), in.readString("message"));
    }

    @Override
    public void write(CompactWriter out, TaskError value) {
        out.writeString("type", value.type().name());
        out.writeString("exception", value.exception());
        out.writeString("message", value.message());
    }

    @Override
    public String getTypeName() {
        return "weft.TaskError";
    }

    @Override
    public Class<TaskError> getCompactClass() {
        return TaskError.class;
    }
}
