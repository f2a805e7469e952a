package io.weft.node.merge;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;

/**
 * A merge policy that keeps, of the entry the smaller side brings ({@code merging}) and the entry the
 * larger side holds ({@code existing}), the one further along in its own state order. Subclasses say
 * what "further along" means for their values through {@link #choose}; an entry only one side has is
 * kept. Hazelcast creates the policy on every member by its class name and sends it with the merge
 * operation, so it holds no state and its serialized form is empty.
 *
 * @param <V> the map's value type
 */
public abstract class StateOrderMergePolicy<V> implements SplitBrainMergePolicy<V, MergingValue<V>, Object> {

    /** Which of the two values wins. */
    protected enum Winner { MERGING, EXISTING }

    @Override
    public final Object merge(MergingValue<V> merging, MergingValue<V> existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        if (merging == null) {
            return existing.getRawValue();
        }
        V incoming = merging.getDeserializedValue();
        V present = existing.getDeserializedValue();
        if (incoming == null) {
            return existing.getRawValue();
        }
        if (present == null) {
            return merging.getRawValue();
        }
        return choose(incoming, present) == Winner.MERGING ? merging.getRawValue() : existing.getRawValue();
    }

    /** Which of {@code merging} (the smaller side's) and {@code existing} (the larger side's) to keep. */
    protected abstract Winner choose(V merging, V existing);

    @Override
    public final void writeData(ObjectDataOutput out) {
        // Stateless.
    }

    @Override
    public final void readData(ObjectDataInput in) {
        // Stateless.
    }
}
