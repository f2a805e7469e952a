package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.StatusChange;
import io.weft.model.task.TaskStatus;
import java.time.Instant;

final class StatusChangeSerializer implements CompactSerializer<StatusChange> {

    @Override
    public StatusChange read(CompactReader in) {
        return new StatusChange(Fields.readEnum(in, "status", TaskStatus.class), Instant.ofEpochMilli(in.readInt64("at")),
                in.readInt32("attempt"), in.readString("member"));
    }

    @Override
    public void write(CompactWriter out, StatusChange value) {
        out.writeString("status", value.status().name());
        out.writeInt64("at", value.at().toEpochMilli());
        out.writeInt32("attempt", value.attempt());
        out.writeString("member", value.member());
    }

    @Override
    public String getTypeName() {
        return "weft.StatusChange";
    }

    @Override
    public Class<StatusChange> getCompactClass() {
        return StatusChange.class;
    }
}
