package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.AddWrittenBytes;

final class AddWrittenBytesSerializer implements CompactSerializer<AddWrittenBytes> {

    @Override
    public AddWrittenBytes read(CompactReader in) {
        return new AddWrittenBytes(in.readInt64("bytes"), in.readInt64("upTo"));
    }

    @Override
    public void write(CompactWriter out, AddWrittenBytes value) {
        out.writeInt64("bytes", value.bytes());
        out.writeInt64("upTo", value.upTo());
    }

    @Override
    public String getTypeName() {
        return "weft.op.AddWrittenBytes";
    }

    @Override
    public Class<AddWrittenBytes> getCompactClass() {
        return AddWrittenBytes.class;
    }
}
