package io.weft.node.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.type.TaskType;

/**
 * The code behind a task type: a user contract. Implementations are found with
 * {@link java.util.ServiceLoader} at node start-up (list the class in
 * {@code META-INF/services/io.weft.node.handler.TaskHandler}), so a jar on the node's classpath adds
 * task types. One instance serves every attempt of its type, concurrently: keep it stateless.
 */
public interface TaskHandler {

    /** The type this handler runs: name, version, description and JSON Schemas. */
    TaskType type();

    /**
     * Runs one attempt. Return the output (any JSON value; {@code null} is JSON null). Throwing fails
     * the attempt: its exception's class and message become the task's error, and the task is retried
     * while it has retries left. Honour interruption: a timeout or a cancel interrupts this thread.
     */
    JsonNode handle(TaskContext context) throws Exception;
}
