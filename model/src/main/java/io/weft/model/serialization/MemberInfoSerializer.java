package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.MemberState;
import io.weft.model.cluster.ServedType;
import java.util.List;

final class MemberInfoSerializer implements CompactSerializer<MemberInfo> {

    @Override
    public MemberInfo read(CompactReader in) {
        return new MemberInfo(in.readString("memberId"), in.readString("address"), in.readString("version"),
                Fields.readInstant(in, "startedAt"), List.of(in.readArrayOfCompact("served", ServedType.class)),
                in.readInt32("load"), MemberState.valueOf(in.readString("state")));
    }

    @Override
    public void write(CompactWriter out, MemberInfo value) {
        out.writeString("memberId", value.memberId());
        out.writeString("address", value.address());
        out.writeString("version", value.version());
        Fields.writeInstant(out, "startedAt", value.startedAt());
        out.writeArrayOfCompact("served", value.served().toArray(new ServedType[0]));
        out.writeInt32("load", value.load());
        out.writeString("state", value.state().name());
    }

    @Override
    public String getTypeName() {
        return "weft.MemberInfo";
    }

    @Override
    public Class<MemberInfo> getCompactClass() {
        return MemberInfo.class;
    }
}
