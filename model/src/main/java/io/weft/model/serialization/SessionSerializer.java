package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;

final class SessionSerializer implements CompactSerializer<Session> {

    @Override
    public Session read(CompactReader in) {
        return new Session(in.readString("id"), in.readString("name"), Fields.readLabels(in, "labels"),
                Fields.readEnum(in, "state", SessionState.class), Fields.readInstant(in, "createdAt"),
                in.readCompact("defaults"));
    }

    @Override
    public void write(CompactWriter out, Session value) {
        out.writeString("id", value.id());
        out.writeString("name", value.name());
        Fields.writeLabels(out, "labels", value.labels());
        out.writeString("state", value.state().name());
        Fields.writeInstant(out, "createdAt", value.createdAt());
        out.writeCompact("defaults", value.defaults());
    }

    @Override
    public String getTypeName() {
        return "weft.Session";
    }

    @Override
    public Class<Session> getCompactClass() {
        return Session.class;
    }
}
