package io.weft.node.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.task.TaskSpec;
import java.io.InputStream;
import java.io.OutputStream;
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

    /** Streams a COMPLETED result of this session, chunk by chunk; checked against its SHA-256. */
    InputStream openInput(String resultId);

    /** Streams bytes into a CREATED result of this session; closing the stream completes it. */
    OutputStream openOutput(String resultId);

    /** Submits subtasks into this session, with this task as their parent; returns their ids. */
    List<String> submitSubtasks(List<TaskSpec> subtasks);
}
