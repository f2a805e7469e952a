package io.weft.model.hook;

/** What a hook can be told about. */
public enum HookEvent {
    /** A task of the hook's scope ended SUCCEEDED. */
    TASK_SUCCEEDED,
    /** A task ended FAILED: no retries left, a dependency failed, or a refused input. */
    TASK_FAILED,
    /** A task ended CANCELLED (by itself or with its session). */
    TASK_CANCELLED,
    /**
     * A session is finished: it is CLOSED or CANCELLED (it takes no new tasks) and none of its tasks is
     * left unfinished (every one is SUCCEEDED, FAILED or CANCELLED). Told once per session.
     */
    SESSION_FINISHED
}
