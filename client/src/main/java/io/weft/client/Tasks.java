package io.weft.client;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.weft.client.internal.CompletionWatcher;
import io.weft.model.Checks;
import io.weft.model.Ids;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.CancelTask;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.InterruptAttempt;
import io.weft.model.grid.MemberDirectory;
import io.weft.model.grid.SessionCountWriter;
import io.weft.model.grid.SubtaskLink;
import io.weft.model.grid.TaskGraph;
import io.weft.model.grid.TaskOrder;
import io.weft.model.grid.TaskUpdate;
import io.weft.model.session.Session;
import io.weft.model.task.InputTally;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Tasks: submit, read, list, cancel and await. */
public final class Tasks {

    /** The most tasks one submit call takes. */
    public static final int MAX_BATCH = 10_000;

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final IMap<String, SubtaskLink> subtasks;
    private final IMap<String, InputTally> tallies;
    private final Sessions sessions;
    private final Clock clock;
    private final TaskGraph graph;
    private final CompletionWatcher watcher;
    private final MemberDirectory directory;
    private final SessionCountWriter counts;

    Tasks(HazelcastInstance hazelcast, Sessions sessions, MemberDirectory directory, Clock clock) {
        this.directory = directory;
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.subtasks = hazelcast.getMap(GridNames.SUBTASKS);
        this.tallies = hazelcast.getMap(GridNames.INPUTS);
        this.sessions = sessions;
        this.clock = clock;
        this.watcher = new CompletionWatcher(hazelcast);
        this.counts = new SessionCountWriter(hazelcast);
        this.graph = new TaskGraph(hazelcast, clock, changed -> counts.apply(List.of(changed)));
    }

    /** Submits one task; see {@link #submit(String, List)}. */
    public Task submit(String sessionId, TaskSpec spec) {
        return submit(sessionId, List.of(spec)).get(0);
    }

    /**
     * Submits a batch in one grid call per partition owner. Every task is checked first (its session
     * accepts tasks, a node serves its type, the results it names are in the session, each output is
     * CREATED and produced by no other task); if any is refused, none is stored. A task with
     * {@code dependsOn} waits until all of them are COMPLETED. A task whose
     * idempotency key was already used in the session is not created again: the earlier one is
     * returned in its place. When this returns, the tasks are in the grid with their backups.
     */
    public List<Task> submit(String sessionId, List<TaskSpec> specs) {
        Checks.notNull("tasks", specs);
        if (specs.isEmpty()) {
            throw new InvalidValueException("tasks", "must hold at least one task");
        }
        Checks.size("tasks", specs, MAX_BATCH);
        Session session = sessions.require(sessionId);
        if (!session.state().acceptsTasks()) {
            throw new IllegalStateException("session " + sessionId + " is " + session.state() + " and takes no new tasks");
        }
        Set<String> served = servedTypesFor(specs);
        Instant now = clock.instant();
        List<Task> created = new ArrayList<>(specs.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            TaskSpec spec = specs.get(i);
            if (spec == null) {
                throw new InvalidValueException("tasks[" + i + "]", "is required");
            }
            if (spec.options() == TaskOptions.DEFAULTS && !session.defaults().equals(TaskOptions.DEFAULTS)) {
                // Given no options (TaskSpec stores the shared defaults for none): the session's apply.
                // Only when they differ, since a new spec checks its input once more.
                spec = spec.withOptions(session.defaults());
            }
            if (!served.contains(spec.type())) {
                throw new InvalidValueException("tasks[" + i + "].type", "names task type '" + spec.type()
                        + "', which no node serves; known types: " + served);
            }
            String id = Ids.taskIdFor(sessionId, spec.idempotencyKey());
            if (!ids.add(id)) {
                throw new InvalidValueException("tasks[" + i + "].idempotencyKey", "repeats a key used earlier in this batch");
            }
            created.add(Task.create(id, sessionId, spec, now));
        }
        return graph.submit(sessionId, created, null);
    }

    public Optional<Task> get(String taskId) {
        Checks.id("taskId", taskId);
        return Optional.ofNullable(tasks.get(taskId));
    }

    /** The tasks of a session, optionally of one status, oldest first. */
    public List<Task> list(String sessionId, TaskStatus status) {
        sessions.require(sessionId);
        Predicate<String, Task> query = status == null
                ? Predicates.equal("sessionId", sessionId)
                : Predicates.and(Predicates.equal("sessionId", sessionId), Predicates.equal("status", status.name()));
        return tasks.values(query).stream()
                .sorted(Comparator.comparing(Task::createdAt).thenComparing(Task::id)).toList();
    }

    /**
     * One page of a session's tasks, oldest first: each member sorts its own matches and sends at most
     * a page, so a page costs the same in a session of ten tasks or ten million.
     */
    public List<Task> page(TaskQuery query) {
        sessions.require(query.sessionId());
        List<Predicate<String, Task>> terms = new ArrayList<>();
        terms.add(Predicates.equal("sessionId", query.sessionId()));
        if (query.status() != null) {
            terms.add(Predicates.equal("status", query.status().name()));
        }
        if (query.type() != null) {
            terms.add(Predicates.equal("type", query.type()));
        }
        if (query.afterId() != null) {
            long after = query.afterCreatedAt().toEpochMilli();
            terms.add(Predicates.or(Predicates.greaterThan("createdAt", after),
                    Predicates.and(Predicates.equal("createdAt", after), Predicates.greaterThan("id", query.afterId()))));
        }
        @SuppressWarnings("unchecked")
        Predicate<String, Task> matching = Predicates.and(terms.toArray(new Predicate[0]));
        return List.copyOf(tasks.values(Predicates.pagingPredicate(matching, new TaskOrder(), query.limit())));
    }

    /**
     * The tasks of a session that changed at or after {@code since} (to the millisecond): a client
     * that comes back reads what it missed without reading the whole session.
     */
    public List<Task> changedSince(String sessionId, Instant since) {
        sessions.require(sessionId);
        return List.copyOf(tasks.values(Predicates.and(Predicates.equal("sessionId", sessionId),
                Predicates.greaterEqual("updatedAt", since.toEpochMilli()))));
    }

    /**
     * Cancels a task that has not finished: at once if it waits, and by interrupting its attempt if it
     * runs. Returns the task afterwards; a finished task is returned unchanged.
     */
    public Task cancel(String taskId) {
        Checks.id("taskId", taskId);
        TaskUpdate update = tasks.executeOnKey(taskId, new CancelTask(clock.millis()));
        if (update == null) {
            throw new NoSuchElementException("no task " + taskId);
        }
        Task after = update.task();
        if (update.changed()) {
            interruptIfItRan(hazelcast, after);
            counts.apply(List.of(after));
            graph.abortOutputs(after);
        }
        return after;
    }

    /** The subtasks {@code taskId} submitted, oldest first. */
    public List<Task> children(String taskId) {
        Checks.id("taskId", taskId);
        Set<String> ids = subtasks.keySet(Predicates.equal("parentId", taskId));
        return ids.isEmpty() ? List.of() : tasks.getAll(ids).values().stream()
                .sorted(Comparator.comparing(Task::createdAt).thenComparing(Task::id)).toList();
    }

    /**
     * The ids of the inputs a WAITING task still waits for, in its {@code dependsOn} order; empty for
     * a task in any other status.
     */
    public List<String> pendingInputs(Task task) {
        if (task.status() != TaskStatus.WAITING) {
            return List.of();
        }
        if (!InputTally.isKeptFor(task.spec())) {
            return task.spec().dependsOn();
        }
        InputTally tally = tallies.get(task.id());
        return tally == null ? task.spec().dependsOn() : tally.pendingIds(task.spec().dependsOn());
    }

    /**
     * Completes when the task reaches a terminal status, told by the task's own change event (no
     * polling). Callbacks attached without an executor run on Hazelcast's event thread: keep them short.
     */
    public CompletableFuture<Task> await(String taskId) {
        Task current = get(taskId).orElseThrow(() -> new NoSuchElementException("no task " + taskId));
        return watcher.await(current);
    }

    void close() {
        watcher.close();
    }

    /** A task just cancelled while RUNNING: ask its worker to interrupt the attempt. */
    static void interruptIfItRan(HazelcastInstance hazelcast, Task cancelled) {
        List<StatusChange> history = cancelled.history();
        if (cancelled.status() != TaskStatus.CANCELLED || history.size() < 2
                || history.get(history.size() - 2).status() != TaskStatus.RUNNING || cancelled.worker() == null) {
            return;
        }
        for (Member member : hazelcast.getCluster().getMembers()) {
            if (member.getUuid().toString().equals(cancelled.worker())) {
                hazelcast.getExecutorService(GridNames.EXECUTOR)
                        .submitToMember(new InterruptAttempt(cancelled.id(), cancelled.attempt()), member);
            }
        }
    }

    /** The served types, read again from the grid only if the batch names one the local copy lacks. */
    private Set<String> servedTypesFor(List<TaskSpec> specs) {
        Set<String> served = directory.servedTypes();
        if (specs.stream().allMatch(spec -> spec == null || served.contains(spec.type()))) {
            return served;
        }
        // A node may have joined while this client missed its event (a reconnect): look once more.
        directory.reload();
        return directory.servedTypes();
    }
}
