package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.AbortResult;

final class AbortResultSerializer implements CompactSerializer<AbortResult> {

    @Override
    public AbortResult read(CompactReader in) {
        return new AbortResult(in.readString("ownerTaskId"));
    }

    @Override
    public void write(CompactWriter out, AbortResult value) {
        out.writeString("ownerTaskId", value.ownerTaskId());
    }

    @Override
    public String getTypeName() {
        return "weft.op.AbortResult";
    }

    @Override
    public Class<AbortResult> getCompactClass() {
        return AbortResult.class;
    }
}
