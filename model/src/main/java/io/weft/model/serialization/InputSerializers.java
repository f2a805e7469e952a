package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.Dependent;
import io.weft.model.grid.TallyInput;
import io.weft.model.serialization.ScheduleAndLogSerializers.Named;
import io.weft.model.task.InputTally;
import java.util.BitSet;
import java.util.List;

/**
 * The Compact serializers of what WAITING tasks wait for: their registrations under each input, their
 * tallies (the pending bits as one array of longs) and the entry processor that counts an input.
 * A tally's {@code sessionId} is a top-level field: the purge queries it.
 */
final class InputSerializers {

    private InputSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new DependentSerializer(), new InputTallySerializer(), new TallyInputSerializer());
    }

    static final class DependentSerializer extends Named<Dependent> {
        DependentSerializer() {
            super("weft.Dependent", Dependent.class);
        }

        @Override
        public Dependent read(CompactReader in) {
            return new Dependent(in.readString("taskId"), in.readInt32("input"), in.readBoolean("onlyInput"));
        }

        @Override
        public void write(CompactWriter out, Dependent value) {
            out.writeString("taskId", value.taskId());
            out.writeInt32("input", value.input());
            out.writeBoolean("onlyInput", value.onlyInput());
        }
    }

    static final class InputTallySerializer extends Named<InputTally> {
        InputTallySerializer() {
            super("weft.InputTally", InputTally.class);
        }

        @Override
        public InputTally read(CompactReader in) {
            return new InputTally(in.readString("sessionId"), BitSet.valueOf(in.readArrayOfInt64("pending")),
                    in.readString("largest"), in.readInt64("largestBytes"));
        }

        @Override
        public void write(CompactWriter out, InputTally value) {
            out.writeString("sessionId", value.sessionId());
            out.writeArrayOfInt64("pending", value.pending().toLongArray());
            out.writeString("largest", value.largest());
            out.writeInt64("largestBytes", value.largestBytes());
        }
    }

    static final class TallyInputSerializer extends Named<TallyInput> {
        TallyInputSerializer() {
            super("weft.op.TallyInput", TallyInput.class);
        }

        @Override
        public TallyInput read(CompactReader in) {
            return new TallyInput(in.readInt32("input"), in.readString("resultId"), in.readInt64("bytes"));
        }

        @Override
        public void write(CompactWriter out, TallyInput value) {
            out.writeInt32("input", value.input());
            out.writeString("resultId", value.resultId());
            out.writeInt64("bytes", value.bytes());
        }
    }
}
