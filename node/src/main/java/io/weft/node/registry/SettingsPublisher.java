package io.weft.node.registry;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.grid.PublishedSetting;
import io.weft.model.http.UrlAllowList;
import io.weft.model.schedule.ScheduleLimits;
import io.weft.model.result.ResultLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this node's settings that clients and gateways must follow into the grid: its
 * {@link ResultLimits} (every upload reads them), its {@link UrlAllowList} (a hook's URL is checked
 * against it when registered) and its {@link ScheduleLimits} (a schedule is checked against them when created). Every node publishes at start, so the last one to start wins: nodes are
 * meant to share one configuration, and a node that finds other values says so. After a member leaves
 * it publishes again if an entry was lost with the member that held it and its backup.
 */
public final class SettingsPublisher implements MembershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsPublisher.class);

    private final HazelcastInstance hazelcast;
    private final ResultLimits limits;
    private final UrlAllowList allowList;
    private final ScheduleLimits scheduleLimits;

    public SettingsPublisher(HazelcastInstance hazelcast, ResultLimits limits, UrlAllowList allowList,
                             ScheduleLimits scheduleLimits) {
        this.hazelcast = hazelcast;
        this.limits = limits;
        this.allowList = allowList;
        this.scheduleLimits = scheduleLimits;
    }

    public void start() {
        ResultLimits previous = PublishedSetting.RESULT_LIMITS.publish(hazelcast, limits);
        if (previous != null && !previous.equals(limits)) {
            LOG.warn("this node's result limits {} replace different ones {}: give every node the same settings",
                    limits, previous);
        }
        UrlAllowList previousList = PublishedSetting.HTTP_ALLOW.publish(hazelcast, allowList);
        if (previousList != null && !previousList.equals(allowList)) {
            LOG.warn("this node's WEFT_HTTP_ALLOW {} replaces a different one {}: give every node the same settings",
                    allowList.prefixes(), previousList.prefixes());
        }
        ScheduleLimits previousSchedules = PublishedSetting.SCHEDULE_LIMITS.publish(hazelcast, scheduleLimits);
        if (previousSchedules != null && !previousSchedules.equals(scheduleLimits)) {
            LOG.warn("this node's {} {} replaces a different one {}: give every node the same settings",
                    ScheduleLimits.VARIABLE, scheduleLimits.minInterval(), previousSchedules.minInterval());
        }
        hazelcast.getCluster().addMembershipListener(this);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        try {
            PublishedSetting.RESULT_LIMITS.publishIfAbsent(hazelcast, limits);
            PublishedSetting.HTTP_ALLOW.publishIfAbsent(hazelcast, allowList);
            PublishedSetting.SCHEDULE_LIMITS.publishIfAbsent(hazelcast, scheduleLimits);
        } catch (RuntimeException e) {
            LOG.debug("could not re-publish the settings after {} left", event.getMember(), e);
        }
    }
}
