package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.RequeueOrphan;

final class RequeueOrphanSerializer implements CompactSerializer<RequeueOrphan> {

    @Override
    public RequeueOrphan read(CompactReader in) {
        return new RequeueOrphan(in.readString("deadMember"), in.readInt64("now"));
    }

    @Override
    public void write(CompactWriter out, RequeueOrphan value) {
        out.writeString("deadMember", value.deadMember());
        out.writeInt64("now", value.nowMillis());
    }

    @Override
    public String getTypeName() {
        return "weft.op.RequeueOrphan";
    }

    @Override
    public Class<RequeueOrphan> getCompactClass() {
        return RequeueOrphan.class;
    }
}
