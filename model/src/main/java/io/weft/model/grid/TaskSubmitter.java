package io.weft.model.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import io.weft.model.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Inserts a batch of tasks with one executor call per partition owner, rather than one round-trip
 * per task. Used by the client and by handlers that submit subtasks.
 *
 * <p>The part of a batch that the caller's own member owns (a client in a member's JVM, as in the
 * embedded default, or a handler submitting subtasks) is inserted on the caller's thread instead: the
 * executor would serialise it and read it back in the same JVM for nothing. The writes are the same
 * either way; only the hop is skipped.
 */
public final class TaskSubmitter {

    private static final long TIMEOUT_SECONDS = 60;

    private final HazelcastInstance hazelcast;

    public TaskSubmitter(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /** Returns, in the order given, the task stored under each id (an earlier one for a repeated idempotency key). */
    public List<Task> insert(List<Task> tasks) {
        PartitionService partitions = hazelcast.getPartitionService();
        Map<Member, List<Integer>> positionsByOwner = new LinkedHashMap<>();
        List<Integer> ownerless = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Partition partition = partitions.getPartition(tasks.get(i).id());
            Member owner = partition.getOwner();
            if (owner == null) {
                ownerless.add(i);
            } else {
                positionsByOwner.computeIfAbsent(owner, m -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> own = hazelcast.getLocalEndpoint() instanceof Member self ? positionsByOwner.remove(self) : null;
        IExecutorService executor = hazelcast.getExecutorService(GridNames.EXECUTOR);
        List<Map.Entry<List<Integer>, Future<Map<Integer, Task>>>> calls = new ArrayList<>();
        positionsByOwner.forEach((owner, positions) -> calls.add(Map.entry(positions,
                executor.submitToMember(new InsertTasks(pick(tasks, positions)), owner))));
        if (!ownerless.isEmpty()) {
            // Partitions without an owner (the cluster is still forming): any member inserts them.
            calls.add(Map.entry(ownerless, executor.submit(new InsertTasks(pick(tasks, ownerless)))));
        }
        if (own != null) {
            // After the other members' calls are sent, so that all run at once.
            calls.add(Map.entry(own, CompletableFuture.completedFuture(insertHere(pick(tasks, own)))));
        }
        Task[] stored = new Task[tasks.size()];
        for (Map.Entry<List<Integer>, Future<Map<Integer, Task>>> call : calls) {
            List<Integer> positions = call.getKey();
            Map<Integer, Task> storedEarlier = await(call.getValue());
            for (int j = 0; j < positions.size(); j++) {
                int position = positions.get(j);
                stored[position] = storedEarlier.getOrDefault(j, tasks.get(position));
            }
        }
        return List.of(stored);
    }

    private Map<Integer, Task> insertHere(List<Task> batch) {
        InsertTasks insert = new InsertTasks(batch);
        insert.setHazelcastInstance(hazelcast);
        try {
            return insert.call();
        } catch (RuntimeException e) {
            throw new IllegalStateException("submitting tasks failed: " + e.getMessage(), e);
        }
    }

    private static List<Task> pick(List<Task> tasks, List<Integer> positions) {
        List<Task> picked = new ArrayList<>(positions.size());
        positions.forEach(i -> picked.add(tasks.get(i)));
        return picked;
    }

    private static Map<Integer, Task> await(Future<Map<Integer, Task>> call) {
        try {
            return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting tasks", e);
        } catch (Exception e) {
            throw new IllegalStateException("submitting tasks failed: " + e.getMessage(), e);
        }
    }
}
