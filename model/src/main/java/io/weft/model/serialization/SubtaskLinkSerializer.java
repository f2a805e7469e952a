package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.SubtaskLink;

/** Field names are queried: {@code parentId} (a task's subtasks) and {@code sessionId} (purge). */
final class SubtaskLinkSerializer implements CompactSerializer<SubtaskLink> {

    @Override
    public SubtaskLink read(CompactReader in) {
        return new SubtaskLink(in.readString("parentId"), in.readString("sessionId"));
    }

    @Override
    public void write(CompactWriter out, SubtaskLink value) {
        out.writeString("parentId", value.parentId());
        out.writeString("sessionId", value.sessionId());
    }

    @Override
    public String getTypeName() {
        return "weft.SubtaskLink";
    }

    @Override
    public Class<SubtaskLink> getCompactClass() {
        return SubtaskLink.class;
    }
}
