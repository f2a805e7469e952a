package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.SetResultOwner;

final class SetResultOwnerSerializer implements CompactSerializer<SetResultOwner> {

    @Override
    public SetResultOwner read(CompactReader in) {
        return new SetResultOwner(in.readString("expected"), in.readString("owner"));
    }

    @Override
    public void write(CompactWriter out, SetResultOwner value) {
        out.writeString("expected", value.expected());
        out.writeString("owner", value.owner());
    }

    @Override
    public String getTypeName() {
        return "weft.op.SetResultOwner";
    }

    @Override
    public Class<SetResultOwner> getCompactClass() {
        return SetResultOwner.class;
    }
}
