package io.weft.node.execution;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.weft.model.grid.UserContextKeys;
import io.weft.node.WeftNode;

/** Carries a due task to a node that serves its type, whose {@link Dispatcher} takes it. */
public final class ForwardDueTask implements Runnable, HazelcastInstanceAware {

    private final DueTask task;
    private transient HazelcastInstance hazelcast;

    public ForwardDueTask(DueTask task) {
        this.task = task;
    }

    public DueTask task() {
        return task;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    @Override
    public void run() {
        if (hazelcast.getUserContext().containsKey(UserContextKeys.NODE)) {
            WeftNode.of(hazelcast).dispatcher().accept(task);
        }
    }
}
