package io.weft.node.failover;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.RequeueOrphan;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.cluster.Quorum;
import io.weft.node.execution.Dispatcher;
import io.weft.node.execution.DueTask;
import io.weft.node.metrics.NodeMetrics;
import io.weft.node.sessions.SessionCounts;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a member leaves or crashes, hands the tasks it was running back to the queue with the next
 * attempt (so the lost attempt's late result is refused by its fence), and dispatches them at once.
 * The oldest surviving member does it; the sweep catches any it misses. A side without the quorum
 * does nothing: the members it lost may be alive on the other side, running those very tasks.
 */
public final class OrphanReaper implements MembershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final Dispatcher dispatcher;
    private final Executor background;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final SessionCounts counts;
    private final Quorum quorum;

    public OrphanReaper(HazelcastInstance hazelcast, Dispatcher dispatcher, Executor background, NodeMetrics metrics,
                        Clock clock, SessionCounts counts) {
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.dispatcher = dispatcher;
        this.background = background;
        this.metrics = metrics;
        this.clock = clock;
        this.counts = counts;
        this.quorum = Quorum.of(hazelcast);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // Nothing to recover.
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        Member oldest = hazelcast.getCluster().getMembers().iterator().next();
        if (!quorum.present()) {
            LOG.warn("member {} left and this side of the cluster has {} of the {} members the quorum needs: "
                    + "its tasks are left to the majority", event.getMember().getUuid(), quorum.seen(), quorum.size());
            return;
        }
        if (oldest.localMember()) {
            String dead = event.getMember().getUuid().toString();
            background.execute(() -> requeueTasksOf(dead));
        }
    }

    /** Requeues every task RUNNING on {@code deadMember}; returns how many. */
    public int requeueTasksOf(String deadMember) {
        Map<String, Task> requeued = tasks.executeOnEntries(new RequeueOrphan(deadMember, clock.millis()),
                Predicates.and(Predicates.equal("status", TaskStatus.RUNNING.name()), Predicates.equal("worker", deadMember)));
        int count = (int) requeued.values().stream().filter(Objects::nonNull).count();
        requeued.values().stream().filter(Objects::nonNull).forEach(counts::record);
        requeued.values().stream().filter(Objects::nonNull).map(DueTask::of).forEach(dispatcher::accept);
        metrics.failoverRequeues.inc(count);
        if (count > 0) {
            LOG.info("member {} left; {} of its running tasks are queued again", deadMember, count);
        }
        return count;
    }
}
