package io.weft.store.table;

import io.weft.model.grid.GridNames;
import io.weft.model.grid.SubtaskLink;
import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.logs.TaskLog;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.schedule.Schedule;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.InputTally;
import io.weft.model.task.Task;
import java.util.List;

/**
 * Every grid map Weft keeps, and its table. What is derived (session counts, the member directory,
 * published settings, the WAITING tasks' dependents) is not here: it is rebuilt when the cluster
 * starts.
 */
public final class WeftTables {

    public static final Table<Session> SESSIONS = new Table<>(GridNames.SESSIONS, "sessions",
            new Payload.Json<>(Session.class), List.of(
                    Column.text("name", Session::name),
                    Column.text("state", s -> s.state().name()),
                    Column.time("created_at", Session::createdAt)),
            // PAUSED and OPEN alternate (last write wins); an ended session never goes back.
            s -> s.state() == SessionState.CANCELLED ? 2 : s.state() == SessionState.CLOSED ? 1 : 0);

    public static final Table<Task> TASKS = new Table<>(GridNames.TASKS, "tasks", new Payload.Json<>(Task.class), List.of(
            Column.text("session_id", Task::sessionId),
            Column.text("type", Task::type),
            Column.text("status", t -> t.status().name()),
            Column.integer("attempt", Task::attempt),
            Column.integer("priority", Task::priority),
            Column.text("worker", Task::worker),
            Column.text("parent_id", t -> t.spec().parentId()),
            Column.text("idempotency_key", t -> t.spec().idempotencyKey()),
            Column.time("created_at", Task::createdAt),
            Column.time("due_at", Task::dueAt),
            Column.time("updated_at", t -> t.history().get(t.history().size() - 1).at())),
            // Every status change appends to the history, and nothing else changes a task.
            t -> t.history().size());

    public static final Table<ResultMeta> RESULTS = new Table<>(GridNames.RESULTS, "results",
            new Payload.Json<>(ResultMeta.class), List.of(
                    Column.text("session_id", ResultMeta::sessionId),
                    Column.text("name", ResultMeta::name),
                    Column.text("status", r -> r.status().name()),
                    Column.text("owner_task_id", ResultMeta::ownerTaskId),
                    Column.bigint("size_bytes", ResultMeta::size),
                    Column.time("created_at", ResultMeta::createdAt)),
            r -> r.status() == ResultStatus.CREATED ? 0 : 1);

    public static final Table<byte[]> CHUNKS = new Table<>(GridNames.CHUNKS, "chunks", new Payload.Bytes(), List.of(
            Column.textOfKey("result_id", key -> key.substring(0, key.lastIndexOf('#'))),
            Column.integer("size_bytes", bytes -> bytes.length)),
            bytes -> 0);

    public static final Table<InputTally> INPUT_TALLIES = new Table<>(GridNames.INPUTS, "input_tallies",
            new Payload.Json<>(InputTally.class), List.of(Column.text("session_id", InputTally::sessionId)),
            // Inputs only ever settle: fewer pending is later.
            tally -> -tally.pending().cardinality());

    public static final Table<SubtaskLink> SUBTASK_LINKS = new Table<>(GridNames.SUBTASKS, "subtask_links",
            new Payload.Json<>(SubtaskLink.class), List.of(
                    Column.text("parent_id", SubtaskLink::parentId),
                    Column.text("session_id", SubtaskLink::sessionId)),
            link -> 0);

    public static final Table<Long> SESSION_WRITTEN_BYTES = new Table<>(GridNames.SESSION_WRITTEN_BYTES,
            "session_written_bytes", new Payload.Json<>(Long.class), List.of(), bytes -> bytes);

    public static final Table<Schedule> SCHEDULES = new Table<>(GridNames.SCHEDULES, "schedules",
            new Payload.Json<>(Schedule.class), List.of(
                    Column.text("session_id", s -> s.spec().sessionId()),
                    Column.text("state", s -> s.state().name()),
                    Column.time("next_fire_at", Schedule::nextFireAt)),
            Schedule::fired);

    public static final Table<TaskLog> TASK_LOGS = new Table<>(GridNames.TASK_LOGS, "task_logs",
            new Payload.Json<>(TaskLog.class), List.of(Column.text("session_id", TaskLog::sessionId)),
            // Lines are only appended: every line ever written is kept or counted as dropped.
            log -> log.dropped() + log.lines().size());

    public static final Table<Hook> HOOKS = new Table<>(GridNames.HOOKS, "hooks", new Payload.Json<>(Hook.class), List.of(
            Column.text("scope", h -> h.scope().name()),
            Column.text("scope_id", Hook::scopeId),
            Column.text("url", Hook::url)),
            hook -> 0);

    public static final Table<HookDelivery> HOOK_DELIVERIES = new Table<>(GridNames.HOOK_DELIVERIES, "hook_deliveries",
            new Payload.Json<>(HookDelivery.class), List.of(
                    Column.text("hook_id", HookDelivery::hookId),
                    Column.text("session_id", HookDelivery::sessionId),
                    Column.text("task_id", HookDelivery::taskId),
                    Column.text("state", d -> d.state().name()),
                    Column.time("next_attempt_at", HookDelivery::nextAttemptAt)),
            // Attempts are only appended, and a delivery ends once.
            d -> 2L * d.attempts().size() + (d.state() == DeliveryState.PENDING ? 0 : 1));

    public static final Table<String> API_KEYS = new Table<>(GridNames.KEYS, "api_keys", new Payload.JsonText(),
            List.of(), key -> 0);

    public static final Table<String> SESSION_OWNERS = new Table<>(GridNames.SESSION_OWNERS, "session_owners",
            new Payload.Json<>(String.class), List.of(Column.text("key_id", keyId -> keyId)), owner -> 0);

    public static final Table<String> RUN_SESSIONS = new Table<>(GridNames.RUN_SESSIONS, "run_sessions",
            new Payload.Json<>(String.class), List.of(Column.text("session_id", sessionId -> sessionId)), run -> 0);

    public static final List<Table<?>> ALL = List.of(SESSIONS, TASKS, RESULTS, CHUNKS, INPUT_TALLIES, SUBTASK_LINKS,
            SESSION_WRITTEN_BYTES, SCHEDULES, TASK_LOGS, HOOKS, HOOK_DELIVERIES, API_KEYS, SESSION_OWNERS, RUN_SESSIONS);

    private WeftTables() {
    }
}
