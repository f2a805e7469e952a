package io.weft.model.grid;

import com.hazelcast.map.EntryProcessor;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Records the outcome of one attempt, fenced by its attempt number: the outcome is written only if
 * the task is still RUNNING that very attempt. A late completion of an older attempt (a zombie
 * worker after fail-over) or of a cancelled task is refused, so a terminal outcome is written once.
 *
 * @param output      the handler's output (JSON) when it succeeded, else {@code null}
 * @param error       the failure, else {@code null}
 * @param retryAtMillis when to retry if retries are left ({@code -1}: do not retry)
 * @return the task after the change, or {@code null} when the completion was stale
 */
public record CompleteAttempt(int fence, String output, TaskError error, long nowMillis, long retryAtMillis)
        implements EntryProcessor<String, Task, Task> {

    public static CompleteAttempt success(int fence, String output, long nowMillis) {
        return new CompleteAttempt(fence, output, null, nowMillis, -1);
    }

    public static CompleteAttempt failure(int fence, TaskError error, long nowMillis, long retryAtMillis) {
        return new CompleteAttempt(fence, null, error, nowMillis, retryAtMillis);
    }

    @Override
    public Task process(Map.Entry<String, Task> entry) {
        Task current = entry.getValue();
        if (current == null || current.status() != TaskStatus.RUNNING || current.attempt() != fence) {
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
