package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.util.concurrent.Callable;

/**
 * Sent to every member after a session was paused or left PAUSED, so that the change holds on every
 * member before the call that made it returns. It carries only the session id: the member reads the
 * state from the sessions map, so a late message can never apply an older state over a newer one.
 */
public final class ApplySessionState implements Callable<Boolean>, HazelcastInstanceAware {

    private final String sessionId;
    private transient HazelcastInstance hazelcast;

    public ApplySessionState(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    /** Returns whether this member runs tasks (a member without a node has nothing to apply). */
    @Override
    public Boolean call() {
        Object gate = hazelcast.getUserContext().get(UserContextKeys.SESSION_GATE);
        if (gate instanceof SessionGate g) {
            g.refresh(sessionId);
            return true;
        }
        return false;
    }
}
