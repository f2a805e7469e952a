package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.ClaimTask;

final class ClaimTaskSerializer implements CompactSerializer<ClaimTask> {

    @Override
    public ClaimTask read(CompactReader in) {
        return new ClaimTask(in.readString("member"), in.readInt32("attempt"), in.readInt64("now"));
    }

    @Override
    public void write(CompactWriter out, ClaimTask value) {
        out.writeString("member", value.member());
        out.writeInt32("attempt", value.attempt());
        out.writeInt64("now", value.nowMillis());
    }

    @Override
    public String getTypeName() {
        return "weft.op.ClaimTask";
    }

    @Override
    public Class<ClaimTask> getCompactClass() {
        return ClaimTask.class;
    }
}
