package io.weft.node.merge;

import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.HookDelivery;

/**
 * Hook deliveries merge by their state, then by the attempts made: a settled delivery (DELIVERED,
 * FAILED) over a PENDING one, so an event told on one side is not told again after the merge.
 */
public final class DeliveryMergePolicy extends StateOrderMergePolicy<HookDelivery> {

    @Override
    protected Winner choose(HookDelivery merging, HookDelivery existing) {
        boolean mergingSettled = merging.state() != DeliveryState.PENDING;
        boolean existingSettled = existing.state() != DeliveryState.PENDING;
        if (mergingSettled != existingSettled) {
            return mergingSettled ? Winner.MERGING : Winner.EXISTING;
        }
        return merging.attempts().size() > existing.attempts().size() ? Winner.MERGING : Winner.EXISTING;
    }
}
