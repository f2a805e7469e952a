package io.weft.model.task;

/** A status change the transition table does not allow, such as SUCCEEDED to RUNNING. */
public class IllegalTransitionException extends IllegalStateException {

    private final TaskStatus from;
    private final TaskStatus to;

    public IllegalTransitionException(String taskId, TaskStatus from, TaskStatus to) {
        super("task " + taskId + " cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public TaskStatus from() {
        return from;
    }

    public TaskStatus to() {
        return to;
    }
}
