package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.CancelTask;

final class CancelTaskSerializer implements CompactSerializer<CancelTask> {

    @Override
    public CancelTask read(CompactReader in) {
        return new CancelTask(in.readInt64("now"));
    }

    @Override
    public void write(CompactWriter out, CancelTask value) {
        out.writeInt64("now", value.nowMillis());
    }

    @Override
    public String getTypeName() {
        return "weft.op.CancelTask";
    }

    @Override
    public Class<CancelTask> getCompactClass() {
        return CancelTask.class;
    }
}
