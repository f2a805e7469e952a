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
 * <p>The worker predicts the task after the write by applying the same outcome to its own copy
 * ({@link #applyTo}, then {@link #predicting}), so the answer need not carry it. The prediction holds
 * whenever the stored task's history comes out as long as predicted: a task changes only by appending
 * to its history (every change goes through its state machine), so such a task has had no change the
 * worker's copy lacks, other than this attempt's own start, which is written with the same start time
 * as here. Otherwise the answer carries the stored task.
 *
 * @param worker          the member that ran the attempt
 * @param startedAtMillis when the attempt started, recorded as its RUNNING change if no claim did
 * @param output          the handler's output (JSON) when it succeeded, else {@code null}
 * @param error           the failure, else {@code null}
 * @param retryAtMillis   when to retry if retries are left ({@code -1}: do not retry)
 * @param predictedLength the length of the history the worker predicts after the write ({@code 0}: no
 *                        prediction, the answer carries the task)
 * @return {@code null} when the completion was stale, else what was written (see {@link RecordedOutcome})
 */
public record CompleteAttempt(int fence, String worker, long startedAtMillis, String output, TaskError error,
                              long nowMillis, long retryAtMillis, int predictedLength)
        implements EntryProcessor<String, Task, RecordedOutcome> {

    public CompleteAttempt {
        Checks.notNull("worker", worker);
    }

    public static CompleteAttempt success(int fence, String worker, long startedAtMillis, String output, long nowMillis) {
        return new CompleteAttempt(fence, worker, startedAtMillis, output, null, nowMillis, -1, 0);
    }

    public static CompleteAttempt failure(int fence, String worker, long startedAtMillis, TaskError error, long nowMillis,
                                          long retryAtMillis) {
        return new CompleteAttempt(fence, worker, startedAtMillis, null, error, nowMillis, retryAtMillis, 0);
    }

    /** This completion, expecting {@code predicted} (from {@link #applyTo} on the worker's copy) to be written. */
    public CompleteAttempt predicting(Task predicted) {
        return new CompleteAttempt(fence, worker, startedAtMillis, output, error, nowMillis, retryAtMillis,
                predicted == null ? 0 : predicted.history().size());
    }

    @Override
    public RecordedOutcome process(Map.Entry<String, Task> entry) {
        Task next = applyTo(entry.getValue());
        if (next == null) {
            return null;
        }
        entry.setValue(next);
        return new RecordedOutcome(next.history().size() == predictedLength ? null : next);
    }

    /** The task after this outcome is recorded on {@code current}, or {@code null} when it is stale for it. */
    public Task applyTo(Task current) {
        if (current == null || current.attempt() != fence) {
            return null;
        }
        if (current.status() == TaskStatus.QUEUED) {
            current = current.claim(worker, Instant.ofEpochMilli(startedAtMillis));
        } else if (current.status() != TaskStatus.RUNNING || !worker.equals(current.worker())) {
            return null;
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        return error == null
                ? current.succeed(output, now)
                : current.failAttempt(error, now, retryAtMillis < 0 ? null : Instant.ofEpochMilli(retryAtMillis));
    }
}
