package io.weft.model.grid;

/** Every name Weft gives a grid object, in one place. */
public final class GridNames {

    public static final String SESSIONS = "weft.sessions";
    public static final String TASKS = "weft.tasks";
    public static final String RESULTS = "weft.results";
    public static final String CHUNKS = "weft.chunks";
    /** MultiMap: result id to the WAITING tasks that depend on it, as {@code Dependent}s. */
    public static final String DEPENDENTS = "weft.dependents";
    /** Task id to its {@code InputTally}: which inputs a WAITING task with several still waits for. */
    public static final String INPUTS = "weft.inputs";
    /** Subtask id to its {@code SubtaskLink} (parent and session): how a task's subtasks are found. */
    public static final String SUBTASKS = "weft.subtasks";
    /** Cluster-wide settings the nodes publish at start, for clients and gateways to follow. */
    public static final String SETTINGS = "weft.settings";
    /** The key of the {@code ResultLimits} in {@link #SETTINGS}. */
    public static final String RESULT_LIMITS = "result-limits";
    /** The key of the {@code UrlAllowList} in {@link #SETTINGS}: where the nodes may send HTTP requests. */
    public static final String HTTP_ALLOW = "http-allow";
    /** The key of the {@code ScheduleLimits} in {@link #SETTINGS}: how often a schedule may fire at most. */
    public static final String SCHEDULE_LIMITS = "schedule-limits";
    /** Hook id to its {@code Hook}: a webhook, its scope, events, URL and signing secret. */
    public static final String HOOKS = "weft.hooks";
    /** Delivery id to its {@code HookDelivery}: one event told to one hook, with its attempts. */
    public static final String HOOK_DELIVERIES = "weft.hook-deliveries";
    /**
     * Session id to the bytes of every result it ever completed: never less than what it holds, so
     * an upload that fits under the quota by it needs no exact (scanning) count.
     */
    public static final String SESSION_WRITTEN_BYTES = "weft.session-written-bytes";
    /** Session id to its tasks' counts by status, kept up to date as tasks move (never by a scan). */
    public static final String SESSION_COUNTS = "weft.session-counts";
    /** Member uuid to the task types it serves and with how many slots. */
    public static final String MEMBERS = "weft.members";
    /**
     * Partition id to the {@code LostPartition} (as JSON) of a partition whose every replica was lost:
     * a lost id answers "gone with partition N" (HTTP 410) rather than "no such id" while it is kept.
     */
    public static final String LOST_PARTITIONS = "weft.lost-partitions";
    /** Schedule id to its {@code Schedule}: recurring tasks. */
    public static final String SCHEDULES = "weft.schedules";
    /** The FencedLock held by the one member that fires schedules. */
    public static final String SCHEDULE_FIRING_LOCK = "weft.schedules.firing";
    /** Task id to its {@code TaskLog}: the lines its handler wrote, bounded per task. */
    public static final String TASK_LOGS = "weft.task-logs";
    /** Topic of {@code TaskLogLines} as they are stored, for the sessions' event streams. */
    public static final String TASK_LOG_LINES = "weft.task-log-lines";
    /** Gateway: API key id to the key's record as JSON (name, scopes, SHA-256 of the secret). */
    public static final String KEYS = "weft.keys";
    /** Gateway: session id to the id of the key that created it. */
    public static final String SESSION_OWNERS = "weft.session-owners";
    /** Gateway: key id to the session {@code POST /v1/run} submits into for that key. */
    public static final String RUN_SESSIONS = "weft.run-sessions";
    /**
     * Runs batch inserts on partition owners, hands due tasks between members, and carries session
     * changes (pause, resume) and count flushes to every member.
     */
    public static final String EXECUTOR = "weft.executor";
    /** The Jet job that schedules due tasks; one per cluster. */
    public static final String SCHEDULER_JOB = "weft-scheduler";
    /** FencedLock names for session-wide operations are this prefix plus the session id. */
    public static final String SESSION_LOCK_PREFIX = "weft.session.";

    private GridNames() {
    }

    public static String sessionLock(String sessionId) {
        return SESSION_LOCK_PREFIX + sessionId;
    }
}
