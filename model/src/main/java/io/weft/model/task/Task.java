package io.weft.model.task;

import io.weft.model.Checks;
import io.weft.model.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A task as the grid holds it. Immutable: every change returns a new value, and every status change
 * goes through {@link #moveTo}, which checks {@link TaskTransitions} and appends to the history.
 * Changes are applied in the grid by the entry processors of {@code io.weft.model.grid}.
 *
 * @param attempt  the current attempt, from 1. It is the fence of that attempt: a completion
 *                 carrying an older attempt number is stale and refused.
 * @param failures failed attempts so far, counted against {@link TaskOptions#maxRetries()};
 *                 a fail-over after a member's loss raises {@code attempt} but not this.
 * @param worker   the member running the current attempt, while RUNNING
 * @param dueAt    when it may start (SCHEDULED and later); like every time of a task, kept to the
 *                 millisecond, the precision the grid stores
 * @param inputs   its largest input, once all are ready (what it still waits for is its {@link InputTally})
 */
public record Task(String id, String sessionId, TaskSpec spec, TaskStatus status, int attempt, int failures,
                   String worker, Instant dueAt, Inputs inputs, String output, TaskError error,
                   List<StatusChange> history) {

    public Task {
        Checks.id("id", id);
        Checks.id("sessionId", sessionId);
        Checks.notNull("spec", spec);
        Checks.notNull("status", status);
        Checks.atLeast("attempt", attempt, 1);
        Checks.atLeast("failures", failures, 0);
        dueAt = Checks.notNull("dueAt", dueAt).truncatedTo(ChronoUnit.MILLIS);
        inputs = inputs == null ? Inputs.NONE : inputs;
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history must hold at least the task's creation");
        }
    }

    /** A new task, in the status its dependencies and due time call for. */
    public static Task create(String id, String sessionId, TaskSpec spec, Instant now) {
        Instant due = spec.options().dueAt(now);
        TaskStatus initial = TaskTransitions.initial(!spec.dependsOn().isEmpty(), !due.isAfter(now));
        return new Task(id, sessionId, spec, initial, 1, 0, null, due, Inputs.NONE, null, null,
                List.of(new StatusChange(initial, now, 1, null)));
    }

    public String type() {
        return spec.type();
    }

    public int priority() {
        return spec.options().priority();
    }

    public Instant createdAt() {
        return history.get(0).at();
    }

    /** When the current (or last) attempt started, or {@code null} if none has. */
    public Instant startedAt() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == TaskStatus.RUNNING) {
                return history.get(i).at();
            }
        }
        return null;
    }

    public Instant endedAt() {
        return status.isTerminal() ? history.get(history.size() - 1).at() : null;
    }

    /** QUEUED to RUNNING: the attempt's worker takes it. */
    public Task claim(String member, Instant now) {
        Checks.notNull("worker", member);
        return moveTo(TaskStatus.RUNNING, now, attempt, failures, member, dueAt, null, error);
    }

    /** RUNNING to SUCCEEDED with the handler's output (JSON). */
    public Task succeed(String outputJson, Instant now) {
        String checked = Json.document("output", outputJson == null ? "null" : outputJson);
        return moveTo(TaskStatus.SUCCEEDED, now, attempt, failures, worker, dueAt, checked, null);
    }

    /**
     * The running attempt failed. With retries left and a {@code retryAt}, the task waits SCHEDULED
     * for its next attempt; otherwise it FAILS for good with this error.
     */
    public Task failAttempt(TaskError cause, Instant now, Instant retryAt) {
        Checks.notNull("error", cause);
        boolean retry = retryAt != null && failures < spec.options().maxRetries()
                && cause.type() != ErrorType.MISSING_OUTPUT && cause.type() != ErrorType.UNKNOWN_TYPE
                && cause.type() != ErrorType.DEPENDENCY_FAILED;
        if (retry) {
            return moveTo(TaskStatus.SCHEDULED, now, attempt + 1, failures + 1, null, retryAt, null, cause);
        }
        return moveTo(TaskStatus.FAILED, now, attempt, failures + 1, worker, dueAt, null, cause);
    }

    /**
     * RUNNING to QUEUED with a new attempt: its worker left the cluster. Not counted as a failure. It
     * keeps its due time, and so its place in line: the lanes order tasks by it.
     */
    public Task requeue(Instant now) {
        return moveTo(TaskStatus.QUEUED, now, attempt + 1, failures, null, dueAt, null, error);
    }

    /** SCHEDULED (or WAITING whose inputs are ready) to QUEUED: it is due now. */
    public Task promote(Instant now) {
        return moveTo(TaskStatus.QUEUED, now, attempt, failures, null, dueAt, null, error);
    }

    /**
     * All its inputs are COMPLETED ({@code largest} the biggest): WAITING to QUEUED if due, else to
     * SCHEDULED until {@code dueAt} (a delay or run-at time it was given still holds).
     */
    public Task inputsReady(Inputs largest, Instant now) {
        TaskStatus next = dueAt.isAfter(now) ? TaskStatus.SCHEDULED : TaskStatus.QUEUED;
        return withInputs(Checks.notNull("largest", largest)).moveTo(next, now, attempt, failures, null, dueAt, null, error);
    }

    /**
     * One of its inputs will never be produced (its producer failed for good, it was deleted or it
     * expired): WAITING to FAILED with a dependency error. A task no longer WAITING, or that does not
     * depend on {@code resultId}, is left as it is.
     */
    public Task inputAborted(String resultId, String why, Instant now) {
        if (status != TaskStatus.WAITING || !spec.dependsOn().contains(resultId)) {
            return this;
        }
        return failDependency(TaskError.of(ErrorType.DEPENDENCY_FAILED,
                "input " + resultId + " will never be ready: " + why), now);
    }

    /** WAITING to FAILED: an input will never be produced. */
    public Task failDependency(TaskError cause, Instant now) {
        return moveTo(TaskStatus.FAILED, now, attempt, failures, null, dueAt, null, cause);
    }

    public Task cancel(Instant now) {
        return moveTo(TaskStatus.CANCELLED, now, attempt, failures, worker, dueAt, null,
                TaskError.of(ErrorType.CANCELLED, "cancelled"));
    }

    public boolean canMoveTo(TaskStatus to) {
        return TaskTransitions.isAllowed(status, to);
    }

    /** The one guarded mutator: checks the transition table and records the change. */
    private Task moveTo(TaskStatus to, Instant at, int newAttempt, int newFailures, String newWorker,
                        Instant newDueAt, String newOutput, TaskError newError) {
        if (!TaskTransitions.isAllowed(status, to)) {
            throw new IllegalTransitionException(id, status, to);
        }
        Checks.notNull("at", at);
        List<StatusChange> longer = new ArrayList<>(history.size() + 1);
        longer.addAll(history);
        longer.add(new StatusChange(to, at, newAttempt, to == TaskStatus.RUNNING ? newWorker : null));
        return new Task(id, sessionId, spec, to, newAttempt, newFailures, newWorker, newDueAt, inputs, newOutput,
                newError, longer);
    }

    private Task withInputs(Inputs newInputs) {
        return new Task(id, sessionId, spec, status, attempt, failures, worker, dueAt, newInputs, output, error, history);
    }
}
