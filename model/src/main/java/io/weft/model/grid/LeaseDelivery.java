package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.hook.HookDelivery;
import java.time.Instant;
import java.util.Map;

/** Takes attempt {@code number} of a delivery until {@code untilMillis} (see {@link HookDelivery#lease}); null if it cannot. */
public record LeaseDelivery(int number, long nowMillis, long untilMillis)
        implements EntryProcessor<String, HookDelivery, HookDelivery> {

    @Override
    public HookDelivery process(Map.Entry<String, HookDelivery> entry) {
        HookDelivery current = entry.getValue();
        if (current == null) {
            return null;
        }
        HookDelivery leased = current.lease(number, Instant.ofEpochMilli(nowMillis), Instant.ofEpochMilli(untilMillis));
        if (leased != null) {
            entry.setValue(leased);
        }
        return leased;
    }
}
