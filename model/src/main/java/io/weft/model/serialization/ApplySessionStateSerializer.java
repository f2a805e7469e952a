package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.ApplySessionState;

final class ApplySessionStateSerializer implements CompactSerializer<ApplySessionState> {

    @Override
    public ApplySessionState read(CompactReader in) {
        return new ApplySessionState(in.readString("sessionId"));
    }

    @Override
    public void write(CompactWriter out, ApplySessionState value) {
        out.writeString("sessionId", value.sessionId());
    }

    @Override
    public String getTypeName() {
        return "weft.op.ApplySessionState";
    }

    @Override
    public Class<ApplySessionState> getCompactClass() {
        return ApplySessionState.class;
    }
}
