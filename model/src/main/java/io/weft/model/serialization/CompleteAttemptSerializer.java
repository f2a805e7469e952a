package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.CompleteAttempt;

final class CompleteAttemptSerializer implements CompactSerializer<CompleteAttempt> {

    @Override
    public CompleteAttempt read(CompactReader in) {
        return new CompleteAttempt(in.readInt32("fence"), in.readString("worker"), in.readInt64("startedAt"),
                in.readString("output"), in.readCompact("error"), in.readInt64("now"), in.readInt64("retryAt"),
                in.readInt32("predictedLength"));
    }

    @Override
    public void write(CompactWriter out, CompleteAttempt value) {
        out.writeInt32("fence", value.fence());
        out.writeString("worker", value.worker());
        out.writeInt64("startedAt", value.startedAtMillis());
        out.writeString("output", value.output());
        out.writeCompact("error", value.error());
        out.writeInt64("now", value.nowMillis());
        out.writeInt64("retryAt", value.retryAtMillis());
        out.writeInt32("predictedLength", value.predictedLength());
    }

    @Override
    public String getTypeName() {
        return "weft.op.CompleteAttempt";
    }

    @Override
    public Class<CompleteAttempt> getCompactClass() {
        return CompleteAttempt.class;
    }
}
