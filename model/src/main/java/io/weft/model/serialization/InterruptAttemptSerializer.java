package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.InterruptAttempt;

final class InterruptAttemptSerializer implements CompactSerializer<InterruptAttempt> {

    @Override
    public InterruptAttempt read(CompactReader in) {
        return new InterruptAttempt(in.readString("taskId"), in.readInt32("attempt"));
    }

    @Override
    public void write(CompactWriter out, InterruptAttempt value) {
        out.writeString("taskId", value.taskId());
        out.writeInt32("attempt", value.attempt());
    }

    @Override
    public String getTypeName() {
        return "weft.op.InterruptAttempt";
    }

    @Override
    public Class<InterruptAttempt> getCompactClass() {
        return InterruptAttempt.class;
    }
}
