package io.weft.node.hooks;

import com.hazelcast.core.HazelcastInstance;
import io.weft.node.cluster.Quorum;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.HookDelivery;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net of deliveries: every sweep interval, the PENDING deliveries of this member's
 * partitions that are due and that it holds no attempt of go to the {@link DeliveryRunner}. So the
 * deliveries of a member that died (or whose lease ran out) are taken up by the member that now owns
 * their partition, and a retry whose timer was lost is sent.
 */
final class PendingDeliverySweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingDeliverySweep.class);

    private final IMap<String, HookDelivery> deliveries;
    private final DeliveryRunner runner;
    private final Clock clock;
    private final Quorum quorum;

    PendingDeliverySweep(HazelcastInstance hazelcast, DeliveryRunner runner, Clock clock) {
        this.deliveries = hazelcast.getMap(GridNames.HOOK_DELIVERIES);
        this.quorum = Quorum.of(hazelcast);
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public void run() {
        // A side of a split without the quorum sends nothing: its copies of the deliveries are the
        // majority's to send, and it could record no attempt.
        if (!quorum.present()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (String id : deliveries.localKeySet(Predicates.and(Predicates.equal("state", DeliveryState.PENDING.name()),
                    Predicates.lessEqual("dueAtMs", now.toEpochMilli())))) {
                if (!runner.holds(id)) {
                    runner.schedule(id, now);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("pending delivery sweep failed; the next one tries again", e);
        }
    }
}
