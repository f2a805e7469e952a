package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.Checks;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Records the outcome of one attempt, fenced by its attempt number and its worker: the outcome is
 * written only if the task is still RUNNING that very attempt on that worker. A late completion of an
 * older attempt (a zombie worker after fail-over) or of a cancelled task is refused, so a terminal
 * outcome is written once.
 *
 * <p>A short attempt is started without a claim (see the node's {@code AttemptRunner}): its task is
 * still QUEUED in this attempt when the outcome comes, and this records both changes in one write,
 * QUEUED to RUNNING at {@code startedAtMillis} on {@code worker}, then RUNNING to the outcome, each
 * through the task's state machine and each in its history.
 *
 * @param worker          the member that ran the attempt
 * @param startedAtMillis when the attempt started, recorded as its RUNNING change if no claim did
 * @param output          the handler's output (JSON) when it succeeded, else {@code null}
 * @param error           the failure, else {@code null}
 * @param retryAtMillis   when to retry if retries are left ({@code -1}: do not retry)
 * @return the task after the change, or {@code null} when the completion was stale
 */
public record CompleteAttempt(int fence, String worker, long startedAtMillis, String output, TaskError error,
                              long nowMillis, long retryAtMillis) implements EntryProcessor<String, Task, Task> {

    public CompleteAttempt {
        Checks.notNull("worker", worker);
    }

    public static CompleteAttempt success(int fence, String worker, long startedAtMillis, String output, long nowMillis) {
        return new CompleteAttempt(fence, worker, startedAtMillis, output, null, nowMillis, -1);
    }

    public static CompleteAttempt failure(int fence, String worker, long startedAtMillis, TaskError error, long nowMillis,
                                          long retryAtMillis) {
        return new CompleteAttempt(fence, worker, startedAtMillis, null, error, nowMillis, retryAtMillis);
    }

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.attempt() != fence) {
            return null;
        }
        if (current.status() == TaskStatus.QUEUED) {
            current = current.claim(worker, Instant.ofEpochMilli(startedAtMillis));
        } else if (current.status() != TaskStatus.RUNNING || !worker.equals(current.worker())) {
            return null;
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        Task next = error == null
                ? current.succeed(output, now)
                : current.failAttempt(error, now, retryAtMillis < 0 ? null : Instant.ofEpochMilli(retryAtMillis));
        entry.setValue(next);
        return next;
    }
}
