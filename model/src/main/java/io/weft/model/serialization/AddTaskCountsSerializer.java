package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.AddTaskCounts;

final class AddTaskCountsSerializer implements CompactSerializer<AddTaskCounts> {

    @Override
    public AddTaskCounts read(CompactReader in) {
        return new AddTaskCounts(in.readCompact("change"));
    }

    @Override
    public void write(CompactWriter out, AddTaskCounts value) {
        out.writeCompact("change", value.change());
    }

    @Override
    public String getTypeName() {
        return "weft.op.AddTaskCounts";
    }

    @Override
    public Class<AddTaskCounts> getCompactClass() {
        return AddTaskCounts.class;
    }
}
