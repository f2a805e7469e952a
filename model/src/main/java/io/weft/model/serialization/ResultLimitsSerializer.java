package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.result.ResultLimits;

final class ResultLimitsSerializer implements CompactSerializer<ResultLimits> {

    @Override
    public ResultLimits read(CompactReader in) {
        return new ResultLimits(in.readInt64("maxResultBytes"), in.readInt64("sessionQuotaBytes"),
                Fields.readDuration(in, "tombstone"));
    }

    @Override
    public void write(CompactWriter out, ResultLimits value) {
        out.writeInt64("maxResultBytes", value.maxResultBytes());
        out.writeInt64("sessionQuotaBytes", value.sessionQuotaBytes());
        Fields.writeDuration(out, "tombstone", value.tombstone());
    }

    @Override
    public String getTypeName() {
        return "weft.ResultLimits";
    }

    @Override
    public Class<ResultLimits> getCompactClass() {
        return ResultLimits.class;
    }
}
