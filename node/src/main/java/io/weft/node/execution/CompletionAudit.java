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
import io.weft.node.registry.MemberRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
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
 * <p>Only tasks finished within {@link #LOOK_BACK} are looked at, so the cost stays flat however many
 * tasks a session keeps; the audit runs every 30 s and after a member leaves, well inside it.
 */
public final class CompletionAudit extends Audit {

    /** How far back finished tasks are looked at. */
    public static final Duration LOOK_BACK = Duration.ofMinutes(10);

    private final IMap<String, Task> tasks;
    private final IMap<String, ResultMeta> results;
    private final TaskGraph graph;
    private final FollowUps followUps;
    private final Clock clock;
    private final Duration quietFor;

    /** @param quietFor how long a task must have been finished before it is audited: its member's own effects come first */
    public CompletionAudit(HazelcastInstance hazelcast, TaskGraph graph, MemberRegistry registry, Clock clock, Duration quietFor) {
        super(hazelcast, "completion audit");
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.graph = graph;
        this.followUps = new FollowUps(hazelcast, graph, registry, clock);
        this.clock = clock;
        this.quietFor = quietFor;
    }

    @Override
    public int audit() {
        long now = clock.millis();
        Set<String> finished = tasks.localKeySet(Predicates.and(
                Predicates.in("status", TaskStatus.SUCCEEDED.name(), TaskStatus.FAILED.name(), TaskStatus.CANCELLED.name()),
                Predicates.between("updatedAt", now - LOOK_BACK.toMillis(), now - quietFor.toMillis())));
        if (finished.isEmpty()) {
            return 0;
        }
        Collection<Task> candidates = tasks.getAll(finished).values();
        List<Task> withFollowUp = candidates.stream()
                .filter(t -> t.status() == TaskStatus.SUCCEEDED && t.spec().options().then() != null).toList();
        List<Task> failedWithOutputs = candidates.stream()
                .filter(t -> t.status() != TaskStatus.SUCCEEDED && !t.spec().outputs().isEmpty()).toList();
        return submitMissingFollowUps(withFollowUp) + abortOrphanedOutputs(failedWithOutputs);
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
