package io.weft.node.execution;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.weft.node.cluster.Quorum;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.config.SlotPlan;
import io.weft.node.handler.TaskHandler;
import io.weft.node.metrics.NodeMetrics;
import io.weft.node.registry.MemberRegistry;
import io.weft.node.sessions.PausedSessions;
import io.weft.node.sessions.SessionCounts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where due tasks arrive on a node (from the scheduler job, from another node, or from the sweep).
 * A task of a type this node serves waits in that type's {@link TypeLane}; any other is handed to a
 * node that serves its type. Each task is held at most once, so a repeated delivery is dropped.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final HazelcastInstance hazelcast;
    private final MemberRegistry registry;
    private final Map<String, TypeLane> lanes;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Tasks held here that were cancelled: they do not start, or stop if they run (see {@link #cancelled}). */
    private final Set<String> cancelNoticed = ConcurrentHashMap.newKeySet();
    private final RunningAttempts running;
    private final PausedSessions paused;
    private final Quorum quorum;
    private volatile boolean accepting = true;
    private volatile boolean draining;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    public Dispatcher(HazelcastInstance hazelcast, HandlerCatalog handlers, SlotPlan slots, MemberRegistry registry,
                      RunningAttempts running, ExecutorService workers, ScheduledExecutorService timers,
                      NodeMetrics metrics, Clock clock, TaskGraph graph, PausedSessions paused, SessionCounts counts) {
        this.hazelcast = hazelcast;
        this.quorum = Quorum.of(hazelcast);
        this.registry = registry;
        this.paused = paused;
        this.running = running;
        AttemptRunner runner = new AttemptRunner(hazelcast, handlers, running, workers, new AttemptTimers(timers), metrics,
                clock, graph, registry, paused, counts, cancelNoticed::contains);
        Map<String, TypeLane> byType = new LinkedHashMap<>();
        SnapshotBudget snapshots = SnapshotBudget.ofThisHeap();
        for (TaskHandler handler : handlers.all()) {
            String type = handler.type().name();
            byType.put(type, new TypeLane(type, slots.slotsFor(type), snapshots, (due, snapshot, done) -> {
                Runnable release = () -> {
                    held.remove(due.id());
                    cancelNoticed.remove(due.id());
                    done.run();
                };
                // A side of a split without the quorum starts no attempt: the task stays QUEUED in the
                // grid, and the majority (or this side, once merged) runs it.
                if (cancelNoticed.contains(due.id()) || !quorum.present()) {
                    release.run();
                } else {
                    runner.start(due, snapshot, release);
                }
            }));
        }
        this.lanes = Map.copyOf(byType);
    }

    /**
     * Takes a due task: queues it here, or hands it to a node that serves its type. A task with inputs
     * goes to the member that owns its largest input when that member serves its type, so its biggest
     * read is local.
     */
    public void accept(DueTask task) {
        accept(task, null);
    }

    /** Like {@link #accept(DueTask)}, with the task as this node just saw it, to start without reading it. */
    private void accept(DueTask task, Task snapshot) {
        if (!accepting || paused.isPaused(task.sessionId())) {
            // A paused session's task stays QUEUED in the grid; its resume hands it over again.
            return;
        }
        Optional<Member> inputOwner = ownerOfLargestInput(task);
        if (inputOwner.isPresent()) {
            handTo(inputOwner.get(), task);
            return;
        }
        // A drained node or a disabled type hands the task on, so a task that reaches it anyway (a
        // due signal of a partition it owns, the sweep, a forward sent before the change) still runs.
        TypeLane lane = draining || disabled.contains(task.type()) ? null : lanes.get(task.type());
        if (lane != null) {
            if (held.add(task.id())) {
                lane.offer(task, snapshot);
            }
            return;
        }
        forward(task);
    }

    /**
     * Tasks this member has just inserted: the QUEUED ones are taken at once (see {@link #acceptWritten}),
     * rather than through the scheduler job, which is not told of new QUEUED tasks.
     */
    public void acceptNew(List<Task> inserted) {
        for (Task task : inserted) {
            if (task.status() == TaskStatus.QUEUED) {
                acceptWritten(task);
            }
        }
    }

    /**
     * A task of a partition this member owns, just written QUEUED (inserted here, or promoted, requeued
     * or released by its last input, as the owner's listener tells): taken at once, here or by
     * a node that serves its type, starting from the value written rather than reading it back. A task
     * this fails to take stays QUEUED in the grid, where the sweep finds it.
     */
    public void acceptWritten(Task task) {
        try {
            accept(DueTask.of(task), task);
        } catch (RuntimeException e) {
            LOG.debug("task {} not taken now; the sweep offers it again", task.id(), e);
        }
    }

    /**
     * A task of a partition this member owns was cancelled (told by a local listener, after the
     * cancel's write): if it is held here it does not start, and if it runs it is stopped. An attempt
     * started without a claim needs this, since the grid still shows its task QUEUED; one that was
     * claimed is also stopped by the canceller's message to its worker.
     */
    public void cancelled(String taskId, int attempt) {
        if (held.contains(taskId)) {
            cancelNoticed.add(taskId);
            if (!held.contains(taskId)) {
                cancelNoticed.remove(taskId);
            }
        }
        running.interrupt(taskId, attempt);
    }

    /**
     * Takes no new tasks (an operator's drain): waiting ones leave the lanes and stay QUEUED in the grid,
     * where the sweep finds them and hands them to other nodes; running attempts finish.
     */
    public void drain() {
        draining = true;
        lanes.values().forEach(lane -> lane.clear().forEach(task -> held.remove(task.id())));
    }

    /**
     * Takes tasks again after {@link #drain}. The ones that waited in the grid meanwhile come as they
     * come to any node: new dispatches, and the sweep.
     */
    public void undrain() {
        draining = false;
    }

    /** Stops or resumes taking tasks of one type; false if this node has no handler for it. */
    public boolean setTypeEnabled(String type, boolean enabled) {
        TypeLane lane = lanes.get(type);
        if (lane == null) {
            return false;
        }
        if (enabled) {
            disabled.remove(type);
        } else {
            disabled.add(type);
            lane.clear().forEach(task -> held.remove(task.id()));
        }
        return true;
    }

    /** The types an operator turned off on this node. */
    public Set<String> disabledTypes() {
        return Set.copyOf(disabled);
    }

    /** Takes a paused session's waiting tasks out of the lanes, so they hold no place ahead of others. */
    public void withdraw(String sessionId) {
        lanes.values().forEach(lane -> lane.removeIf(t -> sessionId.equals(t.sessionId())).forEach(t -> held.remove(t.id())));
    }

    /** Whether this node holds the task (queued or running); the sweep skips those. */
    public boolean holds(String taskId) {
        return held.contains(taskId);
    }

    public Optional<Integer> slotsOf(String type) {
        TypeLane lane = lanes.get(type);
        return lane == null ? Optional.empty() : Optional.of(lane.slots());
    }

    /** Each lane's slots and load now (metrics read it at scrape time). */
    public List<LaneLoad> laneLoads() {
        return lanes.values().stream().map(LaneLoad::of).toList();
    }

    /** Tasks waiting for a slot and attempts running, over all types. */
    public int load() {
        return lanes.values().stream().mapToInt(l -> l.waiting() + l.busy()).sum();
    }

    /** Attempts in flight: claimed, running or recording their outcome. */
    public int busy() {
        return lanes.values().stream().mapToInt(TypeLane::busy).sum();
    }

    /** Stops taking due tasks (draining, shutting down). Queued ones stay QUEUED in the grid for others. */
    public void stopAccepting() {
        accepting = false;
        lanes.values().forEach(lane -> lane.clear().forEach(task -> held.remove(task.id())));
    }

    /** The owner of the task's largest input if it is another member that serves the type; else empty. */
    private Optional<Member> ownerOfLargestInput(DueTask task) {
        if (task.affinity() == null) {
            return Optional.empty();
        }
        Member owner = hazelcast.getPartitionService().getPartition(task.affinity()).getOwner();
        if (owner == null || owner.localMember() || !registry.serves(owner, task.type())) {
            return Optional.empty();
        }
        return Optional.of(owner);
    }

    private void forward(DueTask task) {
        Optional<Member> target = registry.pickServer(task.type());
        if (target.isEmpty()) {
            // No member serves the type now; the task stays QUEUED and the sweep offers it again.
            LOG.debug("no member serves task type {}; task {} waits", task.type(), task.id());
            return;
        }
        handTo(target.get(), task);
    }

    private void handTo(Member member, DueTask task) {
        hazelcast.getExecutorService(GridNames.EXECUTOR).executeOnMember(new ForwardDueTask(task), member);
    }
}
