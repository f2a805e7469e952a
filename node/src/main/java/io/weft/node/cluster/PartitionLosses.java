package io.weft.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionLostEvent;
import com.hazelcast.partition.PartitionLostListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every partition that lost all its replicas and hands it to the {@link PartitionLossHandler}s,
 * off Hazelcast's event thread. Until every handler has run for a loss, it is "not yet reported" and
 * the node is not ready. It remembers the members that left in the last {@link #DEPARTURE_WINDOW}, so
 * a loss names the members that took it.
 */
public final class PartitionLosses implements PartitionLostListener {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionLosses.class);
    /** A member that left this long before a loss is named as one of those that took it. */
    public static final Duration DEPARTURE_WINDOW = Duration.ofMinutes(1);

    private final HazelcastInstance hazelcast;
    private final int backupCount;
    private final Executor executor;
    private final Clock clock;
    private final List<PartitionLossHandler> handlers = new CopyOnWriteArrayList<>();
    private final Map<Member, Instant> departed = new ConcurrentHashMap<>();
    private final AtomicInteger unreported = new AtomicInteger();
    private final AtomicLong seen = new AtomicLong();

    public PartitionLosses(HazelcastInstance hazelcast, int backupCount, Executor executor, Clock clock) {
        this.hazelcast = hazelcast;
        this.backupCount = backupCount;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts listening: departures first, so that a loss finds the members that took it. */
    public PartitionLosses start() {
        hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberRemoved(MembershipEvent event) {
                Instant now = clock.instant();
                departed.put(event.getMember(), now);
                departed.values().removeIf(at -> at.isBefore(now.minus(DEPARTURE_WINDOW)));
            }
        });
        hazelcast.getPartitionService().addPartitionLostListener(this);
        return this;
    }

    /** Adds a handler, called after those added before it. */
    public void register(PartitionLossHandler handler) {
        handlers.add(handler);
    }

    @Override
    public void partitionLost(PartitionLostEvent event) {
        // Hazelcast tells of a lost backup too; data is gone only when no replica is left, or when more
        // replicas went than Weft's maps keep.
        if (!event.allReplicasInPartitionLost() && event.getLostBackupCount() < backupCount) {
            return;
        }
        int partitionId = event.getPartitionId();
        Instant at = clock.instant();
        Set<Member> gone = departed.entrySet().stream()
                .filter(e -> !e.getValue().isBefore(at.minus(DEPARTURE_WINDOW)))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        seen.incrementAndGet();
        unreported.incrementAndGet();
        executor.execute(() -> {
            try {
                for (PartitionLossHandler handler : handlers) {
                    try {
                        handler.partitionLost(partitionId, gone, at);
                    } catch (RuntimeException e) {
                        LOG.error("a handler of the loss of partition {} failed", partitionId, e);
                    }
                }
            } finally {
                unreported.decrementAndGet();
            }
        });
    }

    /** Losses heard whose handlers have not all run yet; the node is not ready while above 0. */
    public int unreported() {
        return unreported.get();
    }

    /** Lost partitions this node heard of since it started. */
    public long seen() {
        return seen.get();
    }

    /** The backups Weft's maps keep ({@code WEFT_BACKUP_COUNT}). */
    public int backupCount() {
        return backupCount;
    }
}
