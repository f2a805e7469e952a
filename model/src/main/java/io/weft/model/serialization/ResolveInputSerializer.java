package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.ResolveInput;

final class ResolveInputSerializer implements CompactSerializer<ResolveInput> {

    @Override
    public ResolveInput read(CompactReader in) {
        return new ResolveInput(in.readString("resultId"), in.readBoolean("completed"), in.readInt64("bytes"), in.readString("why"),
                in.readInt64("now"));
    }

    @Override
    public void write(CompactWriter out, ResolveInput value) {
        out.writeString("resultId", value.resultId());
        out.writeBoolean("completed", value.completed());
        out.writeInt64("bytes", value.bytes());
        out.writeString("why", value.why());
        out.writeInt64("now", value.nowMillis());
    }

    @Override
    public String getTypeName() {
        return "weft.op.ResolveInput";
    }

    @Override
    public Class<ResolveInput> getCompactClass() {
        return ResolveInput.class;
    }
}
