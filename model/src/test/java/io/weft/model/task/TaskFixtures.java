package io.weft.model.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tasks in a known state, at fixed instants (to the millisecond, as the grid stores them). */
public final class TaskFixtures {

    public static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    public static final String TASK_ID = "t-1";
    public static final String SESSION_ID = "s-1";
    public static final String MEMBER = "member-a";
    public static final String OTHER_MEMBER = "member-b";

    private TaskFixtures() {
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static TaskSpec anEchoSpec() {
        return TaskSpec.of("echo", "{\"x\":1}");
    }

    /** A task created at T0 that is due at once: QUEUED, attempt 1. */
    public static Task aQueuedTask() {
        return Task.create(TASK_ID, SESSION_ID, anEchoSpec(), T0);
    }

    public static Task aQueuedTaskWithMaxRetries(int maxRetries) {
        TaskSpec spec = anEchoSpec().withOptions(TaskOptions.builder().maxRetries(maxRetries).build());
        return Task.create(TASK_ID, SESSION_ID, spec, T0);
    }

    /** Queued at T0, claimed by {@link #MEMBER} at T0 + 1s. */
    public static Task aRunningTask() {
        return aQueuedTask().claim(MEMBER, at(1));
    }

    public static Task aScheduledTaskDueIn(Duration delay) {
        TaskSpec spec = anEchoSpec().withOptions(TaskOptions.builder().delay(delay).build());
        return Task.create(TASK_ID, SESSION_ID, spec, T0);
    }

    public static Task aSucceededTask() {
        return aRunningTask().succeed("{\"ok\":true}", at(2));
    }

    public static Task aFailedTask() {
        return aRunningTask().failAttempt(TaskError.of(ErrorType.HANDLER_ERROR, "boom"), at(2), null);
    }

    public static Task aCancelledTask() {
        return aQueuedTask().cancel(at(2));
    }

    /**
     * A task put straight into {@code status} (attempt 1, no failures, due at T0, default options),
     * for walking the transition table; RUNNING ones run on {@link #MEMBER}.
     */
    public static Task aTaskIn(TaskStatus status) {
        String worker = status == TaskStatus.RUNNING ? MEMBER : null;
        return new Task(TASK_ID, SESSION_ID, anEchoSpec(), status, 1, 0, worker, T0, null, null, null,
                List.of(new StatusChange(status, T0, 1, worker)));
    }
}
