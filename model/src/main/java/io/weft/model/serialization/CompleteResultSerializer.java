package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.CompleteResult;

final class CompleteResultSerializer implements CompactSerializer<CompleteResult> {

    @Override
    public CompleteResult read(CompactReader in) {
        return new CompleteResult(in.readInt64("size"), in.readString("sha256"), in.readInt32("chunkCount"));
    }

    @Override
    public void write(CompactWriter out, CompleteResult value) {
        out.writeInt64("size", value.size());
        out.writeString("sha256", value.sha256());
        out.writeInt32("chunkCount", value.chunkCount());
    }

    @Override
    public String getTypeName() {
        return "weft.op.CompleteResult";
    }

    @Override
    public Class<CompleteResult> getCompactClass() {
        return CompleteResult.class;
    }
}
