package io.weft.model.grid;

/**
 * Keys of what a node puts in its member's user context, so that code the grid runs on the member
 * (executor callables, Jet processors) can reach the node's local services.
 */
public final class UserContextKeys {

    /** An {@link AttemptInterrupter}. */
    public static final String INTERRUPTER = "weft.interrupter";
    /** A {@link SessionGate}: this member's view of paused sessions. */
    public static final String SESSION_GATE = "weft.session-gate";
    /** A {@link TaskChangeRecorder}: this member's batch of task count changes. */
    public static final String TASK_CHANGES = "weft.task-changes";
    /** An {@link InsertObserver}: counts the tasks inserted on the member. */
    public static final String INSERT_OBSERVER = "weft.insert-observer";
    /** The node's task log writer (the node module's {@code TaskLogWriter}), which handlers' log lines go to. */
    public static final String TASK_LOGS = "weft.task-logs";
    /** A {@link MemberControl}: drains the node or turns one of its task types off and on. */
    public static final String MEMBER_CONTROL = "weft.member-control";
    /** A {@link HookGate}: this member's view of the hooks. */
    public static final String HOOK_GATE = "weft.hook-gate";
    /** The node itself (its type is the node module's business). */
    public static final String NODE = "weft.node";

    private UserContextKeys() {
    }
}
