package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.PromoteDueTask;

final class PromoteDueTaskSerializer implements CompactSerializer<PromoteDueTask> {

    @Override
    public PromoteDueTask read(CompactReader in) {
        return new PromoteDueTask(in.readInt32("attempt"), in.readInt64("now"));
    }

    @Override
    public void write(CompactWriter out, PromoteDueTask value) {
        out.writeInt32("attempt", value.attempt());
        out.writeInt64("now", value.nowMillis());
    }

    @Override
    public String getTypeName() {
        return "weft.op.PromoteDueTask";
    }

    @Override
    public Class<PromoteDueTask> getCompactClass() {
        return PromoteDueTask.class;
    }
}
