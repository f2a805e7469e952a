package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.TaskOptions;

final class TaskOptionsSerializer implements CompactSerializer<TaskOptions> {

    @Override
    public TaskOptions read(CompactReader in) {
        return new TaskOptions(in.readInt32("priority"), in.readInt32("maxRetries"),
                Fields.readDuration(in, "backoff"), Fields.readDuration(in, "timeout"),
                Fields.readInstant(in, "runAt"), Fields.readDuration(in, "delay"), Fields.readLabels(in, "labels"),
                Fields.readOptionalString(in, "then"));
    }

    @Override
    public void write(CompactWriter out, TaskOptions value) {
        out.writeInt32("priority", value.priority());
        out.writeInt32("maxRetries", value.maxRetries());
        Fields.writeDuration(out, "backoff", value.backoff());
        Fields.writeDuration(out, "timeout", value.timeout());
        Fields.writeInstant(out, "runAt", value.runAt());
        Fields.writeDuration(out, "delay", value.delay());
        Fields.writeLabels(out, "labels", value.labels());
        out.writeString("then", value.then());
    }

    @Override
    public String getTypeName() {
        return "weft.TaskOptions";
    }

    @Override
    public Class<TaskOptions> getCompactClass() {
        return TaskOptions.class;
    }
}
