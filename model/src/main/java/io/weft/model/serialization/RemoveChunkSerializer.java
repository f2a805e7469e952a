package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.RemoveChunk;

/** No fields: the key says which chunk. */
final class RemoveChunkSerializer implements CompactSerializer<RemoveChunk> {

    @Override
    public RemoveChunk read(CompactReader in) {
        return new RemoveChunk();
    }

    @Override
    public void write(CompactWriter out, RemoveChunk value) {
    }

    @Override
    public String getTypeName() {
        return "weft.op.RemoveChunk";
    }

    @Override
    public Class<RemoveChunk> getCompactClass() {
        return RemoveChunk.class;
    }
}
