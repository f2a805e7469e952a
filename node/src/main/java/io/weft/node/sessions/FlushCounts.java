package io.weft.node.sessions;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.weft.model.grid.UserContextKeys;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Asks a member to write its recorded count changes now, and answers once they are applied. */
public final class FlushCounts implements Callable<Boolean>, HazelcastInstanceAware {

    private static final long LIMIT_SECONDS = 10;

    private final String requestedBy;
    private transient HazelcastInstance hazelcast;

    public FlushCounts(String requestedBy) {
        this.requestedBy = requestedBy;
    }

    /** The member that asked (for logs). */
    public String requestedBy() {
        return requestedBy;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    @Override
    public Boolean call() throws Exception {
        if (hazelcast.getUserContext().get(UserContextKeys.TASK_CHANGES) instanceof SessionCounts counts) {
            counts.flush().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            return true;
        }
        return false;
    }
}
