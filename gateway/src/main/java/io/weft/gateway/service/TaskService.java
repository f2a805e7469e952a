package io.weft.gateway.service;

import io.weft.client.TaskQuery;
import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.edge.RequiredBody;
import io.weft.gateway.wire.Page;
import io.weft.gateway.wire.SubmitRequest;
import io.weft.gateway.wire.TaskOptionsRequest;
import io.weft.gateway.wire.ThenRequest;
import io.weft.gateway.wire.TaskRequest;
import io.weft.gateway.wire.TaskView;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.task.Task;
import io.weft.model.task.FollowUp;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Tasks over HTTP: a batch is turned into specs and every input checked against its type's schema
 * before anything is stored, so one refused task stores none of the batch.
 */
@Singleton
@GridBudget
public class TaskService {

    private final WeftClient weft;
    private final Ownership ownership;
    private final TypeCatalog types;
    private final Backpressure backpressure;
    private final JsonText json;

    public TaskService(WeftClient weft, Ownership ownership, TypeCatalog types, Backpressure backpressure, JsonText json) {
        this.weft = weft;
        this.ownership = ownership;
        this.types = types;
        this.backpressure = backpressure;
        this.json = json;
    }

    public List<Task> submit(Caller caller, String sessionId, SubmitRequest request) {
        Checks.id("sessionId", sessionId);
        ownership.check(caller, sessionId);
        List<TaskRequest> tasks = RequiredBody.of(request, "{\"tasks\": [{\"type\": …, \"input\": …}]}").tasks();
        Checks.notNull("tasks", tasks);
        if (tasks.isEmpty()) {
            throw new InvalidValueException("tasks", "must hold at least one task");
        }
        Checks.size("tasks", tasks, io.weft.client.Tasks.MAX_BATCH);
        TaskOptions defaults = weft.sessions().require(sessionId).defaults();
        List<TaskSpec> specs = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            specs.add(spec("tasks[" + i + "]", tasks.get(i), defaults));
        }
        backpressure.admit(specs.size());
        return weft.tasks().submit(sessionId, specs);
    }

    /** Submits one checked spec into a session the gateway chose (the caller's run session). */
    public Task submitOne(String sessionId, TaskSpec spec) {
        backpressure.admit(1);
        return weft.tasks().submit(sessionId, spec);
    }

    /** Checks one task request and makes its spec; a refusal names the field under {@code prefix}. */
    public TaskSpec spec(String prefix, TaskRequest task) {
        return spec(prefix, task, TaskOptions.DEFAULTS);
    }

    /** As {@link #spec(String, TaskRequest)}, with {@code defaults} for the option fields the request leaves out. */
    public TaskSpec spec(String prefix, TaskRequest task, TaskOptions defaults) {
        if (task == null && (prefix == null || prefix.isEmpty())) {
            throw new InvalidValueException("body", "is required");
        } else if (task == null) {
            throw new InvalidValueException(prefix, "is required");
        }
        String input = json.text(task.input());
        TaskSpec spec;
        try {
            spec = new TaskSpec(task.type(), input, options(task.options(), defaults, "options"), task.dependsOn(), task.outputs(),
                    task.idempotencyKey(), null);
        } catch (InvalidValueException e) {
            throw prefix == null || prefix.isEmpty() ? e : e.under(prefix);
        }
        types.validate(prefix, spec.type(), spec.input());
        return spec;
    }

    /** One task, with the ids of the subtasks it submitted (a query, so only here and not in lists). */
    public TaskView get(Caller caller, String taskId) {
        Task task = require(caller, taskId);
        return view(task, weft.tasks().children(taskId).stream().map(Task::id).toList(), task.history().stream()
                .map(c -> new TaskView.HistoryView(c.status().name(), c.at(), c.attempt(), c.member())).toList());
    }

    public Page<TaskView> list(Caller caller, String sessionId, String status, String type, String cursor, Integer limit) {
        Checks.id("sessionId", sessionId);
        ownership.check(caller, sessionId);
        TaskStatus wanted = status == null || status.isEmpty() ? null : status(status);
        Cursors.Position after = Cursors.position(cursor);
        List<Task> fetched = weft.tasks().page(new TaskQuery(sessionId, wanted, type == null || type.isEmpty() ? null : type,
                after == null ? null : after.time(), after == null ? null : after.id(), Cursors.size(limit) + 1));
        return Cursors.fromFetched(fetched, Task::createdAt, Task::id, limit, this::view);
    }

    public TaskView cancel(Caller caller, String taskId) {
        require(caller, taskId);
        return view(weft.tasks().cancel(taskId));
    }

    /** The task, if it exists and {@code caller} may see it; else 404, or 410 when its partition was lost. */
    public Task require(Caller caller, String taskId) {
        Task task = weft.tasks().get(taskId).orElseThrow(() -> weft.lost().missing("task", taskId));
        if (!ownership.canSee(caller, task.sessionId())) {
            throw new NoSuchElementException("no task " + taskId);
        }
        return task;
    }

    public TaskView view(Task task) {
        return view(task, null, null);
    }

    private TaskView view(Task task, List<String> subtasks, List<TaskView.HistoryView> history) {
        TaskView.ErrorView error = task.error() == null ? null
                : new TaskView.ErrorView(task.error().type().name(), task.error().exception(), task.error().message());
        return new TaskView(task.id(), task.sessionId(), task.type(), task.status().name(), task.attempt(),
                json.tree(task.spec().input()), json.tree(task.output()), error, task.worker(), task.createdAt(),
                task.startedAt(), task.endedAt(), task.spec().parentId(), task.priority(), task.spec().dependsOn(),
                task.spec().outputs(), weft.tasks().pendingInputs(task), subtasks, history);
    }

    private static TaskStatus status(String text) {
        try {
            return TaskStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "must be one of " + List.of(TaskStatus.values()) + ", got '" + text + "'");
        }
    }

    /**
     * The options of a request over {@code base}: each field the request gives wins, the others keep
     * the base's (a session's defaults). A run-at time or a delay given replaces the base's of either kind.
     */
    static TaskOptions options(TaskOptionsRequest o, TaskOptions base, String field) {
        if (o == null) {
            return base;
        }
        TaskOptions.Builder b = base.toBuilder();
        if (o.priority() != null) {
            b.priority(o.priority());
        }
        if (o.maxRetries() != null) {
            b.maxRetries(o.maxRetries());
        }
        if (o.backoff() != null) {
            b.backoff(duration(field + ".backoff", o.backoff()));
        }
        if (o.timeout() != null) {
            b.timeout(duration(field + ".timeout", o.timeout()));
        }
        if (o.runAt() != null || o.delay() != null) {
            b.runAt(instant(field + ".runAt", o.runAt())).delay(duration(field + ".delay", o.delay()));
        }
        if (o.labels() != null) {
            b.labels(o.labels());
        }
        if (o.then() != null) {
            b.then(followUp(o.then(), field + ".then"));
        }
        try {
            return b.build();
        } catch (InvalidValueException e) {
            // TaskOptions names its fields options.x; say where they were given.
            throw field.equals("options") ? e
                    : new InvalidValueException(field + e.field().substring("options".length()), e.getMessage().substring(e.field().length() + 1));
        }
    }

    /** A follow-up template as the JSON text {@link TaskOptions#then()} keeps, its fields named under {@code field}. */
    private static String followUp(ThenRequest then, String field) {
        TaskOptions options = options(then.options(), TaskOptions.DEFAULTS, field + ".options");
        try {
            return new FollowUp(then.type(), options).toJson();
        } catch (InvalidValueException e) {
            // FollowUp names its fields options.then.x; say where this one was given.
            throw new InvalidValueException(field + e.field().substring("options.then".length()),
                    e.getMessage().substring(e.field().length() + 1));
        }
    }

    public static Duration duration(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO-8601 duration such as PT30S, got '" + text + "'");
        }
    }

    static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, got '" + text + "'");
        }
    }
}
