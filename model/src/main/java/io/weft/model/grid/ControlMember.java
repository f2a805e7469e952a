package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.weft.model.Checks;
import io.weft.model.cluster.MemberInfo;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

/**
 * An operator's order, sent to one member through the executor: drain it or put it back to work, or
 * disable or enable one
 * task type on it. It lives here, not in the node module, because clients send it and must not import
 * the node. It answers the member's entry as published after the change.
 */
public final class ControlMember implements Callable<MemberInfo>, HazelcastInstanceAware {

    /** What to do. */
    public enum Action { DRAIN, UNDRAIN, DISABLE_TYPE, ENABLE_TYPE }

    private final Action action;
    private final String type;
    private transient HazelcastInstance hazelcast;

    /** @param type the task type for {@code DISABLE_TYPE} and {@code ENABLE_TYPE}; null for the others */
    public ControlMember(Action action, String type) {
        Checks.notNull("action", action);
        if (action == Action.DISABLE_TYPE || action == Action.ENABLE_TYPE) {
            Checks.notNull("type", type);
        }
        this.action = action;
        this.type = type;
    }

    public Action action() {
        return action;
    }

    public String type() {
        return type;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    /** @throws NoSuchElementException the member runs no node, or has no handler for the type */
    @Override
    public MemberInfo call() {
        if (!(hazelcast.getUserContext().get(UserContextKeys.MEMBER_CONTROL) instanceof MemberControl control)) {
            throw new NoSuchElementException("member " + hazelcast.getCluster().getLocalMember().getUuid() + " runs no tasks");
        }
        return switch (action) {
            case DRAIN -> control.drain();
            case UNDRAIN -> control.undrain();
            case DISABLE_TYPE, ENABLE_TYPE -> control.setTypeEnabled(type, action == Action.ENABLE_TYPE)
                    .orElseThrow(() -> new NoSuchElementException("member " + hazelcast.getCluster().getLocalMember().getUuid()
                            + " has no handler for task type '" + type + "'"));
        };
    }
}
