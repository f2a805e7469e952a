package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.InsertTask;

final class InsertTaskSerializer implements CompactSerializer<InsertTask> {

    @Override
    public InsertTask read(CompactReader in) {
        return new InsertTask(in.readCompact("task"));
    }

    @Override
    public void write(CompactWriter out, InsertTask value) {
        out.writeCompact("task", value.task());
    }

    @Override
    public String getTypeName() {
        return "weft.op.InsertTask";
    }

    @Override
    public Class<InsertTask> getCompactClass() {
        return InsertTask.class;
    }
}
