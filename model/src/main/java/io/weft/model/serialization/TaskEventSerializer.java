package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.TaskEvent;
import io.weft.model.task.TaskStatus;

final class TaskEventSerializer implements CompactSerializer<TaskEvent> {

    @Override
    public TaskEvent read(CompactReader in) {
        return new TaskEvent(in.readInt64("sequence"), Fields.readInstant(in, "time"), in.readString("sessionId"),
                in.readString("taskId"), Fields.readEnum(in, "from", TaskStatus.class),
                Fields.readEnum(in, "to", TaskStatus.class), in.readInt32("attempt"));
    }

    @Override
    public void write(CompactWriter out, TaskEvent value) {
        out.writeInt64("sequence", value.sequence());
        Fields.writeInstant(out, "time", value.time());
        out.writeString("sessionId", value.sessionId());
        out.writeString("taskId", value.taskId());
        out.writeString("from", Fields.enumName(value.from()));
        out.writeString("to", Fields.enumName(value.to()));
        out.writeInt32("attempt", value.attempt());
    }

    @Override
    public String getTypeName() {
        return "weft.TaskEvent";
    }

    @Override
    public Class<TaskEvent> getCompactClass() {
        return TaskEvent.class;
    }
}
