package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import io.weft.model.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A batch of new tasks sent in one executor call to the member that owns their partitions, which
 * inserts them locally. Returns, in order, the task stored under each id: the new one, or the one an
 * earlier submit with the same idempotency key stored.
 */
public final class InsertTasks implements Callable<List<Task>>, HazelcastInstanceAware {

    private final List<Task> tasks;
    private transient HazelcastInstance hazelcast;

    public InsertTasks(List<Task> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    public List<Task> tasks() {
        return tasks;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hazelcast = instance;
    }

    @Override
    public List<Task> call() {
        IMap<String, Task> map = hazelcast.getMap(GridNames.TASKS);
        List<CompletableFuture<Task>> pending = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            CompletionStage<Task> stored = map.submitToKey(task.id(), new InsertTask(task));
            pending.add(stored.toCompletableFuture());
        }
        List<Task> stored = new ArrayList<>(tasks.size());
        for (CompletableFuture<Task> future : pending) {
            stored.add(future.join());
        }
        InsertObserver.tell(hazelcast, tasks, stored);
        return stored;
    }
}
