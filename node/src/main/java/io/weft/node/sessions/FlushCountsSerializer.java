package io.weft.node.sessions;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

public final class FlushCountsSerializer implements CompactSerializer<FlushCounts> {

    @Override
    public FlushCounts read(CompactReader in) {
        return new FlushCounts(in.readString("requestedBy"));
    }

    @Override
    public void write(CompactWriter out, FlushCounts value) {
        out.writeString("requestedBy", value.requestedBy());
    }

    @Override
    public String getTypeName() {
        return "weft.node.FlushCounts";
    }

    @Override
    public Class<FlushCounts> getCompactClass() {
        return FlushCounts.class;
    }
}
