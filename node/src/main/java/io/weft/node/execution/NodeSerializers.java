package io.weft.node.execution;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.TaskStatus;
import java.util.List;

/** Compact serializers of the messages nodes send each other. */
public final class NodeSerializers {

    private NodeSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new DueTaskSerializer(), new ForwardDueTaskSerializer());
    }

    static final class DueTaskSerializer implements CompactSerializer<DueTask> {
        @Override
        public DueTask read(CompactReader in) {
            return new DueTask(in.readString("id"), in.readString("type"), in.readInt32("priority"),
                    in.readInt32("attempt"), in.readInt64("dueAt"), TaskStatus.valueOf(in.readString("status")),
                    in.readString("sessionId"), in.readString("affinity"));
        }

        @Override
        public void write(CompactWriter out, DueTask value) {
            out.writeString("id", value.id());
            out.writeString("type", value.type());
            out.writeInt32("priority", value.priority());
            out.writeInt32("attempt", value.attempt());
            out.writeInt64("dueAt", value.dueAtMillis());
            out.writeString("status", value.status().name());
            out.writeString("sessionId", value.sessionId());
            out.writeString("affinity", value.affinity());
        }

        @Override
        public String getTypeName() {
            return "weft.node.DueTask";
        }

        @Override
        public Class<DueTask> getCompactClass() {
            return DueTask.class;
        }
    }

    static final class ForwardDueTaskSerializer implements CompactSerializer<ForwardDueTask> {
        @Override
        public ForwardDueTask read(CompactReader in) {
            return new ForwardDueTask(in.readCompact("task"));
        }

        @Override
        public void write(CompactWriter out, ForwardDueTask value) {
            out.writeCompact("task", value.task());
        }

        @Override
        public String getTypeName() {
            return "weft.node.ForwardDueTask";
        }

        @Override
        public Class<ForwardDueTask> getCompactClass() {
            return ForwardDueTask.class;
        }
    }
}
