package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.ResolveInput;
import io.weft.model.task.Inputs;

final class ResolveInputSerializer implements CompactSerializer<ResolveInput> {

    @Override
    public ResolveInput read(CompactReader in) {
        return new ResolveInput(in.readBoolean("completed"),
                new Inputs(in.readString("largest"), in.readInt64("largestBytes")),
                in.readString("resultId"), in.readString("why"), in.readInt64("now"));
    }

    @Override
    public void write(CompactWriter out, ResolveInput value) {
        out.writeBoolean("completed", value.completed());
        out.writeString("largest", value.largest().largest());
        out.writeInt64("largestBytes", value.largest().largestBytes());
        out.writeString("resultId", value.resultId());
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
