package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import io.weft.model.InvalidValueException;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.InputTally;
import io.weft.model.task.Inputs;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Tasks joined by the results they produce and consume. A task names the results it waits for
 * ({@code dependsOn}) and the results it must produce ({@code outputs}); each result records the task
 * that owns its production, and a MultiMap records which tasks wait for it.
 *
 * <p>A waiting task is woken by an event, never by polling: when a result settles (COMPLETED or
 * ABORTED) the member that owns it tells each task registered as waiting ({@link #settle}). The
 * one race, a result settling while a task is being submitted, is closed by order: the task is
 * registered as waiting first, then inserted, then the results it waits for are read once more, so a
 * result that settled in between is seen by one side or the other (telling a task twice is harmless).
 */
public final class TaskGraph {

    private final IMap<String, Task> tasks;
    private final IMap<String, ResultMeta> results;
    private final IMap<String, InputTally> tallies;
    private final MultiMap<String, Dependent> dependents;
    private final TaskSubmitter submitter;
    private final Clock clock;
    private final TaskChangeRecorder changes;

    /** @param changes told of each status change a settled input causes, for the sessions' counts */
    public TaskGraph(HazelcastInstance hazelcast, Clock clock, TaskChangeRecorder changes) {
        this.changes = changes;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.tallies = hazelcast.getMap(GridNames.INPUTS);
        this.dependents = hazelcast.getMultiMap(GridNames.DEPENDENTS);
        this.submitter = new TaskSubmitter(hazelcast);
        this.clock = clock;
    }

    /**
     * Stores a batch of new tasks of one session, all or nothing: their references are checked first
     * ({@link InvalidValueException} naming the field), then their outputs are made theirs, then they
     * are registered with and inserted, and inputs already settled are applied. Returns the tasks as
     * stored (for a repeated idempotency key, the earlier task).
     *
     * @param parentId the task submitting them as subtasks, which may hand over its own outputs; or
     *                 {@code null} for a user's submit
     */
    public List<Task> submit(String sessionId, List<Task> batch, String parentId) {
        Map<String, ResultMeta> referenced = check(sessionId, batch, parentId);
        List<Runnable> undo = takeOutputs(batch, parentId, referenced);
        List<Task> stored;
        try {
            registerWaiting(batch);
            stored = submitter.insert(batch);
        } catch (RuntimeException e) {
            undo.forEach(Runnable::run);
            throw e;
        }
        return applySettledInputs(stored);
    }

    /**
     * A task ended FAILED or CANCELLED: the outputs it still owns will never be produced, so they are
     * ABORTED, and the tasks waiting for them fail in turn, down the graph (by the results' events).
     */
    public CompletableFuture<Void> abortOutputs(Task ended) {
        if (ended.spec().outputs().isEmpty()
                || (ended.status() != TaskStatus.FAILED && ended.status() != TaskStatus.CANCELLED)) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<ResultMeta>> aborts = new ArrayList<>();
        for (String output : ended.spec().outputs()) {
            aborts.add(results.submitToKey(output, new AbortResult(ended.id())).toCompletableFuture());
        }
        return CompletableFuture.allOf(aborts.toArray(CompletableFuture[]::new));
    }

    /**
     * A result settled: tells every task waiting for it, then forgets them. Callbacks run on
     * {@code executor}.
     */
    public CompletableFuture<Void> settle(ResultMeta settled, Executor executor) {
        ResolveInput resolution = resolutionOf(settled.id(), settled);
        Collection<Dependent> waiting = dependents.get(settled.id());
        List<CompletableFuture<Void>> told = new ArrayList<>(waiting.size());
        for (Dependent dependent : waiting) {
            told.add(tell(dependent, settled, resolution, executor).thenAcceptAsync(this::afterResolution, executor));
        }
        return CompletableFuture.allOf(told.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> dependents.delete(settled.id()), executor);
    }

    /**
     * Tells a waiting task that one of its inputs settled. An abort fails it at once; a completion
     * readies it if that was its only input, else is counted in its tally, and the call that counts
     * the last one readies it. Returns the task after, or {@code null} if it did not move.
     */
    private CompletableFuture<Task> tell(Dependent dependent, ResultMeta settled, ResolveInput resolution, Executor executor) {
        if (resolution == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!resolution.completed() || dependent.onlyInput()) {
            return tasks.submitToKey(dependent.taskId(), resolution).toCompletableFuture();
        }
        return tallies.submitToKey(dependent.taskId(), new TallyInput(dependent.input(), settled.id(), settled.size()))
                .toCompletableFuture()
                .thenComposeAsync(tally -> tally == null || !tally.allReady() ? CompletableFuture.completedFuture(null)
                        : tasks.submitToKey(dependent.taskId(), ResolveInput.ready(tally.largestInput(), clock.millis()))
                                .toCompletableFuture(), executor);
    }

    /**
     * Registers WAITING tasks under their inputs again, then applies what the inputs' current state
     * says: for a cluster that started on its store, which keeps the tasks but not who waits for what.
     * Returns the tasks that moved.
     */
    public List<Task> rewire(List<Task> waiting) {
        registerWaiting(waiting);
        return recheck(waiting);
    }

    /**
     * Applies to WAITING tasks whatever their inputs' current state says: the safety net for a
     * settlement whose event was lost with a member. Returns the tasks that moved.
     */
    public List<Task> recheck(Collection<Task> waiting) {
        Map<String, InputTally> tallyOf = new HashMap<>(tallies.getAll(waiting.stream()
                .filter(task -> InputTally.isKeptFor(task.spec())).map(Task::id).collect(Collectors.toSet())));
        Map<String, BitSet> pendingOf = new HashMap<>();
        Set<String> inputs = new HashSet<>();
        for (Task task : waiting) {
            BitSet pending = pendingInputs(task, tallyOf);
            pendingOf.put(task.id(), pending);
            pending.stream().forEach(i -> inputs.add(task.spec().dependsOn().get(i)));
        }
        Map<String, ResultMeta> current = results.getAll(inputs);
        List<CompletableFuture<Task>> told = new ArrayList<>();
        List<Map.Entry<String, CompletableFuture<InputTally>>> counted = new ArrayList<>();
        for (Task task : waiting) {
            List<String> dependsOn = task.spec().dependsOn();
            boolean onlyInput = !InputTally.isKeptFor(task.spec());
            BitSet pending = pendingOf.get(task.id());
            if (pending.isEmpty()) {
                // Every input counted, but the task was not readied (the counting member died first).
                told.add(tasks.submitToKey(task.id(), ResolveInput.ready(tallyOf.get(task.id()).largestInput(),
                        clock.millis())).toCompletableFuture());
            }
            pending.stream().forEach(i -> {
                ResultMeta meta = current.get(dependsOn.get(i));
                ResolveInput resolution = resolutionOf(dependsOn.get(i), meta);
                if (resolution == null) {
                    return;
                }
                if (!resolution.completed() || onlyInput) {
                    told.add(tasks.submitToKey(task.id(), resolution).toCompletableFuture());
                } else {
                    counted.add(Map.entry(task.id(), tallies.submitToKey(task.id(), new TallyInput(i, meta.id(), meta.size()))
                            .toCompletableFuture()));
                }
            });
        }
        for (Map.Entry<String, CompletableFuture<InputTally>> count : counted) {
            InputTally tally = count.getValue().join();
            if (tally != null && tally.allReady()) {
                told.add(tasks.submitToKey(count.getKey(), ResolveInput.ready(tally.largestInput(), clock.millis()))
                        .toCompletableFuture());
            }
        }
        List<Task> moved = new ArrayList<>();
        for (CompletableFuture<Task> call : told) {
            Task after = call.join();
            if (afterResolution(after)) {
                moved.add(after);
            }
        }
        return moved;
    }

    /**
     * The inputs of a WAITING task not counted yet: those its tally holds, or its only one. A task that
     * should have a tally and has none (the member inserting it died before writing it) gets one with
     * every input pending, which the recheck then counts.
     */
    private BitSet pendingInputs(Task task, Map<String, InputTally> tallyOf) {
        int count = task.spec().dependsOn().size();
        if (!InputTally.isKeptFor(task.spec())) {
            BitSet only = new BitSet(1);
            only.set(0, count);
            return only;
        }
        return tallyOf.computeIfAbsent(task.id(), id -> {
            InputTally fresh = InputTally.allPending(task.sessionId(), count);
            InputTally earlier = tallies.putIfAbsent(id, fresh);
            return earlier == null ? fresh : earlier;
        }).pending();
    }

    /**
     * Records a task a resolution moved out of WAITING, forgets its tally, and aborts its outputs if it
     * failed; true if it moved.
     */
    private boolean afterResolution(Task after) {
        if (after == null || after.status() == TaskStatus.WAITING) {
            return false;
        }
        changes.record(after);
        if (InputTally.isKeptFor(after.spec())) {
            tallies.deleteAsync(after.id());
        }
        if (after.status() == TaskStatus.FAILED) {
            abortOutputs(after);
        }
        return true;
    }

    /** What a settled (or vanished) input means for a task waiting for it; {@code null}: keep waiting. */
    private ResolveInput resolutionOf(String resultId, ResultMeta meta) {
        long now = clock.millis();
        if (meta == null) {
            return ResolveInput.aborted(resultId, "it was deleted", now);
        }
        if (meta.status() == ResultStatus.ABORTED) {
            return ResolveInput.aborted(resultId, "its producer " + meta.ownerTaskId() + " failed", now);
        }
        if (meta.status() == ResultStatus.LOST) {
            return ResolveInput.aborted(resultId, "its bytes were lost with their partition", now);
        }
        if (meta.isExpired(clock.instant())) {
            return ResolveInput.aborted(resultId, "it expired at " + meta.expiresAt(), now);
        }
        if (meta.status() == ResultStatus.COMPLETED) {
            return ResolveInput.ready(new Inputs(resultId, meta.size()), now);
        }
        return null;
    }

    private Map<String, ResultMeta> check(String sessionId, List<Task> batch, String parentId) {
        Set<String> ids = new LinkedHashSet<>();
        for (Task task : batch) {
            ids.addAll(task.spec().dependsOn());
            ids.addAll(task.spec().outputs());
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, ResultMeta> found = results.getAll(ids);
        Map<String, Integer> producers = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Task task = batch.get(i);
            List<String> dependsOn = task.spec().dependsOn();
            for (int j = 0; j < dependsOn.size(); j++) {
                String field = "tasks[" + i + "].dependsOn[" + j + "]";
                ResultMeta meta = inSession(found.get(dependsOn.get(j)), sessionId, field, dependsOn.get(j));
                if (meta.isExpired(clock.instant())) {
                    throw new InvalidValueException(field, "names result " + meta.id() + ", which expired at " + meta.expiresAt());
                }
                if (task.spec().outputs().contains(meta.id())) {
                    throw new InvalidValueException(field, "names result " + meta.id() + ", which is the task's own output");
                }
            }
            List<String> outputs = task.spec().outputs();
            for (int j = 0; j < outputs.size(); j++) {
                String field = "tasks[" + i + "].outputs[" + j + "]";
                ResultMeta meta = inSession(found.get(outputs.get(j)), sessionId, field, outputs.get(j));
                if (meta.status() != ResultStatus.CREATED) {
                    throw new InvalidValueException(field, "names result " + meta.id() + ", which is already " + meta.status());
                }
                String owner = meta.ownerTaskId();
                if (owner != null && !owner.equals(task.id()) && !owner.equals(parentId)) {
                    throw new InvalidValueException(field, "names result " + meta.id() + ", which task " + owner + " produces");
                }
                Integer earlier = producers.putIfAbsent(meta.id(), i);
                if (earlier != null && earlier != i) {
                    throw new InvalidValueException(field, "names result " + meta.id() + ", an output of tasks[" + earlier + "] too");
                }
            }
        }
        return found;
    }

    /** Another session's result reads as missing, so a key cannot learn what other sessions hold. */
    private static ResultMeta inSession(ResultMeta meta, String sessionId, String field, String resultId) {
        if (meta == null || !meta.sessionId().equals(sessionId)) {
            throw new InvalidValueException(field, "names result " + resultId + ", which is not in session " + sessionId);
        }
        return meta;
    }

    /** Makes each task the owner of its outputs; returns how to give them back if the submit fails. */
    private List<Runnable> takeOutputs(List<Task> batch, String parentId, Map<String, ResultMeta> referenced) {
        List<Runnable> undo = new ArrayList<>();
        List<Map.Entry<String, CompletableFuture<Boolean>>> calls = new ArrayList<>();
        for (Task task : batch) {
            for (String output : task.spec().outputs()) {
                String before = referenced.get(output).ownerTaskId();
                if (Objects.equals(before, task.id())) {
                    continue;
                }
                calls.add(Map.entry(output, results.submitToKey(output, new SetResultOwner(parentId, task.id())).toCompletableFuture()));
                undo.add(() -> results.executeOnKey(output, new SetResultOwner(task.id(), before)));
            }
        }
        String lost = null;
        for (Map.Entry<String, CompletableFuture<Boolean>> call : calls) {
            if (!call.getValue().join()) {
                lost = call.getKey();
            }
        }
        if (lost != null) {
            undo.forEach(Runnable::run);
            throw new IllegalStateException("result " + lost + " was taken or settled by another submit meanwhile; nothing was stored");
        }
        return undo;
    }

    /** Registers each waiting task under each of its inputs, with that input's position, before it is inserted. */
    @SuppressWarnings("unchecked")
    private void registerWaiting(List<Task> batch) {
        Map<String, Collection<? extends Dependent>> waiting = new HashMap<>();
        for (Task task : batch) {
            List<String> dependsOn = task.status() == TaskStatus.WAITING ? task.spec().dependsOn() : List.of();
            boolean onlyInput = !InputTally.isKeptFor(task.spec());
            for (int i = 0; i < dependsOn.size(); i++) {
                ((List<Dependent>) waiting.computeIfAbsent(dependsOn.get(i), k -> new ArrayList<Dependent>()))
                        .add(new Dependent(task.id(), i, onlyInput));
            }
        }
        if (!waiting.isEmpty()) {
            dependents.putAllAsync(waiting).toCompletableFuture().join();
        }
    }

    private List<Task> applySettledInputs(List<Task> stored) {
        List<Task> waiting = stored.stream().filter(t -> t.status() == TaskStatus.WAITING).toList();
        if (waiting.isEmpty()) {
            return stored;
        }
        // A task leaves WAITING once, so it is among the moved at most once.
        Map<String, Task> moved = new HashMap<>();
        recheck(waiting).forEach(after -> moved.put(after.id(), after));
        List<Task> result = new ArrayList<>(stored.size());
        stored.forEach(task -> result.add(moved.getOrDefault(task.id(), task)));
        return result;
    }
}
