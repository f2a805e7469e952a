package io.weft.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.weft.node.config.QuorumPlan;

/**
 * Whether this member is on a side of the cluster that has the quorum now: it sees at least
 * {@link #size()} members, a majority of those expected. A side without it (a minority after a split,
 * or a member cut off alone) refuses writes to Weft's maps through Hazelcast's split-brain protection,
 * and every duty that would act on its copy of the data asks this first: the repair sweep and the
 * audits, the orphan reaper, the schedule firer, and the dispatcher before it starts an attempt.
 *
 * <p>It reads the member list the member holds, which Hazelcast updates before it tells membership
 * listeners, so a duty run for a departure already sees the side it is on.
 */
public final class Quorum {

    private final HazelcastInstance hazelcast;
    private final int size;
    private final int expected;

    public Quorum(HazelcastInstance hazelcast, int size, int expected) {
        this.hazelcast = hazelcast;
        this.size = size;
        this.expected = expected;
    }

    /** The quorum of a member started by Weft's config (see {@link QuorumPlan}); 1 for any other. */
    public static Quorum of(HazelcastInstance hazelcast) {
        QuorumPlan plan = QuorumPlan.of(hazelcast.getConfig());
        return new Quorum(hazelcast, plan.size(), plan.expectedMembers());
    }

    /** True while this member sees at least {@link #size()} members; false once it stops running. */
    public boolean present() {
        return size <= 1 || seen() >= size;
    }

    /** The members this member sees now, itself included; 0 once it stopped. */
    public int seen() {
        try {
            return hazelcast.getLifecycleService().isRunning() ? hazelcast.getCluster().getMembers().size() : 0;
        } catch (HazelcastInstanceNotActiveException e) {
            return 0;
        }
    }

    /** The fewest members a side needs to take writes. */
    public int size() {
        return size;
    }

    /** The members the cluster is configured to have. */
    public int expected() {
        return expected;
    }
}
