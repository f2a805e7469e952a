package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.util.concurrent.Callable;

/** Sent to the member running a cancelled task, to interrupt the attempt. */
public final class InterruptAttempt implements Callable<Boolean>, HazelcastInstanceAware {

    private final String taskId;
    private final int attempt;
    private transient HazelcastInstance hazelcast;

    public InterruptAttempt(String taskId, int attempt) {
        this.taskId = taskId;
        this.attempt = attempt;
    }

    public String taskId() {
        return taskId;
    }

    public int attempt() {
        return attempt;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    @Override
    public Boolean call() {
        Object interrupter = hazelcast.getUserContext().get(UserContextKeys.INTERRUPTER);
        return interrupter instanceof AttemptInterrupter a && a.interrupt(taskId, attempt);
    }
}
