package io.weft.node.execution;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.failover.Audit;
import io.weft.node.failover.EndedTasks;
import io.weft.node.registry.MemberRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The safety net under what a task's completion sets off once it is written: submitting the
 * {@code then} follow-up of a success, and aborting the outputs of a failure or a cancel (which wakes
 * their consumers with {@code DEPENDENCY_FAILED}). Both happen just after the completion, on the member
 * that ran the attempt (or the client that cancelled); if that dies in between, nobody else would do
 * them. So each node looks now and then at the tasks its partitions hold that finished lately and
 * does again what is missing; both effects are idempotent (the follow-up's key, the abort's condition).
 *
 * <p>Only tasks finished within the look-back are read, through the (status, statusTime) index, and of
 * the successes only those with a follow-up, so a pass costs what finished lately, not what the grid
 * keeps. A member's death is what opens the gap, so a pass follows every departure; a slow periodic
 * pass covers a client that died between its cancel and the abort of the outputs.
 */
public final class CompletionAudit extends Audit {

    private final IMap<String, Task> tasks;
    private final IMap<String, ResultMeta> results;
    private final EndedTasks endedTasks;
    private final TaskGraph graph;
    private final FollowUps followUps;
    private final Clock clock;
    private final Duration quietFor;
    private final Duration lookBack;

    /**
     * @param quietFor how long a task must have been finished before it is audited: its member's own effects come first
     * @param lookBack how long ago the earliest task a pass reads may have finished
     */
    public CompletionAudit(HazelcastInstance hazelcast, TaskGraph graph, MemberRegistry registry, Clock clock, Duration quietFor,
                           Duration lookBack) {
        super(hazelcast, "completion audit");
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.endedTasks = new EndedTasks(tasks);
        this.graph = graph;
        this.followUps = new FollowUps(hazelcast, graph, registry, clock);
        this.clock = clock;
        this.quietFor = quietFor;
        this.lookBack = lookBack;
    }

    @Override
    public int audit() {
        long now = clock.millis();
        long from = now - lookBack.toMillis();
        long to = now - quietFor.toMillis();
        List<Task> withFollowUp = endedTasks.local(TaskStatus.SUCCEEDED, from, to, Predicates.notEqual("then", null)).stream()
                .filter(t -> t.spec().options().then() != null).toList();
        List<Task> endedWithOutputs = new ArrayList<>();
        for (TaskStatus status : List.of(TaskStatus.FAILED, TaskStatus.CANCELLED)) {
            endedTasks.local(status, from, to, null).stream().filter(t -> !t.spec().outputs().isEmpty()).forEach(endedWithOutputs::add);
        }
        return submitMissingFollowUps(withFollowUp) + abortOrphanedOutputs(endedWithOutputs);
    }

    /** Aborts the outputs that ended tasks still own uncompleted; reads first, so a pass over done work writes nothing. */
    private int abortOrphanedOutputs(List<Task> ended) {
        if (ended.isEmpty()) {
            return 0;
        }
        Set<String> outputs = ended.stream().flatMap(t -> t.spec().outputs().stream()).collect(Collectors.toSet());
        Map<String, ResultMeta> current = results.getAll(outputs);
        int count = 0;
        for (Task task : ended) {
            boolean orphaned = task.spec().outputs().stream().map(current::get).anyMatch(meta -> meta != null
                    && meta.status() == ResultStatus.CREATED && task.id().equals(meta.ownerTaskId()));
            if (orphaned) {
                graph.abortOutputs(task).join();
                count++;
            }
        }
        return count;
    }

    private int submitMissingFollowUps(List<Task> succeeded) {
        if (succeeded.isEmpty()) {
            return 0;
        }
        Map<String, Task> byFollowUpId = succeeded.stream().collect(Collectors.toMap(
                t -> Ids.idempotentTaskId(t.sessionId(), FollowUps.keyOf(t.id())), t -> t));
        Set<String> present = tasks.getAll(byFollowUpId.keySet()).keySet();
        int count = 0;
        for (Map.Entry<String, Task> entry : byFollowUpId.entrySet()) {
            if (!present.contains(entry.getKey())) {
                followUps.submitAfter(entry.getValue());
                count++;
            }
        }
        return count;
    }
}
