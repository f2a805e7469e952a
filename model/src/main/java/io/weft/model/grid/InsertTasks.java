package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import io.weft.model.task.InputTally;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A batch of new tasks sent in one executor call to the member that owns their partitions, which
 * inserts them locally. Returns only what the caller does not hold already: by position in the batch,
 * the tasks an earlier submit with the same idempotency key stored (usually none); every other task
 * was stored as given.
 */
public final class InsertTasks implements Callable<Map<Integer, Task>>, HazelcastInstanceAware {

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
    public Map<Integer, Task> call() {
        IMap<String, Task> map = hazelcast.getMap(GridNames.TASKS);
        List<CompletableFuture<Task>> pending = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            CompletionStage<Task> earlier = map.submitToKey(task.id(), new InsertTask(task));
            pending.add(earlier.toCompletableFuture());
        }
        List<Task> stored = new ArrayList<>(tasks.size());
        List<Task> inserted = new ArrayList<>(tasks.size());
        Map<Integer, Task> storedEarlier = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task earlier = pending.get(i).join();
            if (earlier == null) {
                stored.add(tasks.get(i));
                inserted.add(tasks.get(i));
            } else {
                stored.add(earlier);
                storedEarlier.put(i, earlier);
            }
        }
        recordCreations(inserted);
        // Two independent writes, one round trip; both are done before the submit returns.
        CompletableFuture<Void> tallied = tallyInputs(inserted);
        CompletableFuture<Void> linked = linkSubtasks(stored);
        tallied.join();
        linked.join();
        InsertObserver.tell(hazelcast, inserted);
        return storedEarlier;
    }

    /**
     * Gives each new task that waits for several inputs its tally, beside it (same key, same
     * partition). Only new ones: a repeated submit must not reset what an earlier one counted. An
     * input that settles before its tally is written finds none and counts nothing; the submit's
     * re-read of its inputs, after this returns, counts it.
     */
    private CompletableFuture<Void> tallyInputs(List<Task> inserted) {
        Map<String, InputTally> tallies = new HashMap<>();
        for (Task task : inserted) {
            if (task.status() == TaskStatus.WAITING && InputTally.isKeptFor(task.spec())) {
                tallies.put(task.id(), InputTally.allPending(task.sessionId(), task.spec().dependsOn().size()));
            }
        }
        return putAll(GridNames.INPUTS, tallies);
    }

    /**
     * Links each subtask to its parent before the submit returns. Written for every stored subtask, not
     * only new ones: a link lost with a member is written again when the parent, retried, submits the
     * same subtask again (its idempotency key returns the stored one).
     */
    private CompletableFuture<Void> linkSubtasks(List<Task> stored) {
        Map<String, SubtaskLink> links = new HashMap<>();
        for (Task task : stored) {
            String parentId = task.spec().parentId();
            if (parentId != null) {
                links.put(task.id(), new SubtaskLink(parentId, task.sessionId()));
            }
        }
        return putAll(GridNames.SUBTASKS, links);
    }

    private <V> CompletableFuture<Void> putAll(String mapName, Map<String, V> entries) {
        return entries.isEmpty() ? CompletableFuture.completedFuture(null)
                : hazelcast.<String, V>getMap(mapName).putAllAsync(entries).toCompletableFuture();
    }

    /** New tasks count in their session; a member without a node's batching writes the counts itself. */
    private void recordCreations(List<Task> inserted) {
        if (hazelcast.getUserContext().get(UserContextKeys.TASK_CHANGES) instanceof TaskChangeRecorder recorder) {
            inserted.forEach(recorder::record);
        } else {
            new SessionCountWriter(hazelcast).apply(inserted);
        }
    }
}
