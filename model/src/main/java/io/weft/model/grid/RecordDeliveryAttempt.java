package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.hook.DeliveryAttempt;
import io.weft.model.hook.HookDelivery;
import java.time.Instant;
import java.util.Map;

/** Appends an attempt's outcome to its delivery (see {@link HookDelivery#recorded}); returns the delivery after. */
public record RecordDeliveryAttempt(DeliveryAttempt attempt, int maxAttempts, long retryAtMillis)
        implements EntryProcessor<String, HookDelivery, HookDelivery> {

    @Override
    public HookDelivery process(Map.Entry<String, HookDelivery> entry) {
        HookDelivery current = entry.getValue();
        if (current == null) {
            return null;
        }
        HookDelivery after = current.recorded(attempt, maxAttempts, Instant.ofEpochMilli(retryAtMillis));
        if (after != current) {
            entry.setValue(after);
        }
        return after;
    }
}
