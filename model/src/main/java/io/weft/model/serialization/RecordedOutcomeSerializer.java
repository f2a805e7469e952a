package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.RecordedOutcome;

final class RecordedOutcomeSerializer implements CompactSerializer<RecordedOutcome> {

    @Override
    public RecordedOutcome read(CompactReader in) {
        return new RecordedOutcome(in.readCompact("unpredicted"));
    }

    @Override
    public void write(CompactWriter out, RecordedOutcome value) {
        out.writeCompact("unpredicted", value.unpredicted());
    }

    @Override
    public String getTypeName() {
        return "weft.RecordedOutcome";
    }

    @Override
    public Class<RecordedOutcome> getCompactClass() {
        return RecordedOutcome.class;
    }
}
