package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.util.concurrent.Callable;

/**
 * Sent to every member after a hook is registered, so that once the registration returns every member
 * matches events against it (the hooks map's own events arrive late). It carries only the hook id:
 * the member reads the hook from the map.
 */
public final class ApplyHook implements Callable<Boolean>, HazelcastInstanceAware {

    private final String hookId;
    private transient HazelcastInstance hazelcast;

    public ApplyHook(String hookId) {
        this.hookId = hookId;
    }

    public String hookId() {
        return hookId;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    /** Returns whether this member delivers hooks (a member without a node has nothing to apply). */
    @Override
    public Boolean call() {
        if (hazelcast.getUserContext().get(UserContextKeys.HOOK_GATE) instanceof HookGate gate) {
            gate.refresh(hookId);
            return true;
        }
        return false;
    }
}
