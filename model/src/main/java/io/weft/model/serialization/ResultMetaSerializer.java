package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;

final class ResultMetaSerializer implements CompactSerializer<ResultMeta> {

    @Override
    public ResultMeta read(CompactReader in) {
        return new ResultMeta(in.readString("id"), in.readString("sessionId"), in.readString("name"),
                in.readString("contentType"), Fields.readEnum(in, "status", ResultStatus.class), in.readString("ownerTaskId"),
                in.readInt64("size"), in.readString("sha256"), in.readInt32("chunkSize"), in.readInt32("chunkCount"),
                Fields.readInstant(in, "createdAt"), Fields.readInstant(in, "expiresAt"));
    }

    @Override
    public void write(CompactWriter out, ResultMeta value) {
        out.writeString("id", value.id());
        out.writeString("sessionId", value.sessionId());
        out.writeString("name", value.name());
        out.writeString("contentType", value.contentType());
        out.writeString("status", value.status().name());
        out.writeString("ownerTaskId", value.ownerTaskId());
        out.writeInt64("size", value.size());
        out.writeString("sha256", value.sha256());
        out.writeInt32("chunkSize", value.chunkSize());
        out.writeInt32("chunkCount", value.chunkCount());
        Fields.writeInstant(out, "createdAt", value.createdAt());
        Fields.writeInstant(out, "expiresAt", value.expiresAt());
    }

    @Override
    public String getTypeName() {
        return "weft.ResultMeta";
    }

    @Override
    public Class<ResultMeta> getCompactClass() {
        return ResultMeta.class;
    }
}
