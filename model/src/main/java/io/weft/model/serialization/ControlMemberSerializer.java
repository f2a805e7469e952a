package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.ControlMember;

final class ControlMemberSerializer implements CompactSerializer<ControlMember> {

    @Override
    public ControlMember read(CompactReader in) {
        return new ControlMember(ControlMember.Action.valueOf(in.readString("action")), in.readString("type"));
    }

    @Override
    public void write(CompactWriter out, ControlMember value) {
        out.writeString("action", value.action().name());
        out.writeString("type", value.type());
    }

    @Override
    public String getTypeName() {
        return "weft.op.ControlMember";
    }

    @Override
    public Class<ControlMember> getCompactClass() {
        return ControlMember.class;
    }
}
