package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.cluster.ServedType;

final class ServedTypeSerializer implements CompactSerializer<ServedType> {

    @Override
    public ServedType read(CompactReader in) {
        return new ServedType(in.readCompact("type"), in.readInt32("slots"));
    }

    @Override
    public void write(CompactWriter out, ServedType value) {
        out.writeCompact("type", value.type());
        out.writeInt32("slots", value.slots());
    }

    @Override
    public String getTypeName() {
        return "weft.ServedType";
    }

    @Override
    public Class<ServedType> getCompactClass() {
        return ServedType.class;
    }
}
