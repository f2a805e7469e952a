package io.weft.node.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.TaskSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/** What a running attempt can see and do: a user contract, handed to {@link TaskHandler#handle}. */
public interface TaskContext {

    String taskId();

    String sessionId();

    /** The attempt number, from 1. */
    int attempt();

    /** The task's input. */
    JsonNode input();

    /** Reports progress, a fraction in [0, 1] with a short message. */
    void progress(double fraction, String message);

    /** Writes a log line attributed to this task and attempt. */
    void log(String line);

    /** Whether the task was cancelled or timed out; long handlers should check it between steps. */
    boolean isCancelled();

    /** Throws {@link CancellationException} if {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("task " + taskId() + " was cancelled");
        }
    }

    /** The results this task waited for ({@code dependsOn}): all COMPLETED when it runs. */
    List<String> dependsOn();

    /** The results this task must complete to succeed, unless it hands them to subtasks. */
    List<String> outputs();

    /** Streams a COMPLETED result of this session, chunk by chunk; checked against its SHA-256. */
    InputStream openInput(String resultId);

    /**
     * Streams bytes into a CREATED result of this session that this task produces (one of its
     * outputs, or one it created). What the handler wrote and closed is completed when it returns,
     * waking the tasks waiting for it; the bytes of an attempt that fails are discarded, so a retry
     * writes the result afresh and nobody ever reads half an output.
     */
    OutputStream openOutput(String resultId);

    /**
     * Creates a result in this session, to write or for subtasks to produce and consume; it expires
     * after a day ({@link ResultMeta#DEFAULT_TTL}). Returns its id.
     */
    default String createResult(String name, String contentType) {
        return createResult(name, contentType, ResultMeta.DEFAULT_TTL);
    }

    /**
     * Creates a result in this session, as {@link #createResult(String, String)} does, that expires
     * {@code ttl} from now (at least a second, at most {@link ResultMeta#MAX_TTL}). Returns its id.
     */
    String createResult(String name, String contentType, Duration ttl);

    /**
     * Submits subtasks into this session, with this task as their parent; returns their ids. A
     * subtask may name this task's outputs among its own: producing them is then its job, this task
     * succeeds without them, and the tasks waiting for them wait for the subtask without knowing.
     * Subtasks without an idempotency key get one derived from this task and their order, so a retried
     * attempt that submits the same subtasks finds the first ones rather than doubling them.
     */
    List<String> submitSubtasks(List<TaskSpec> subtasks);
}
