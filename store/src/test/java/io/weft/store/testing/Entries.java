package io.weft.store.testing;

import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskSpec;
import java.time.Instant;

/** Grid values as a test needs them, named for what they are. */
public final class Entries {

    public static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private Entries() {
    }

    public static Task aQueuedTask(String id) {
        return Task.create(id, "s-1", TaskSpec.of("echo", "{\"x\": 1}"), T0);
    }

    public static Task aRunningTask(String id) {
        return aQueuedTask(id).claim("member-1", T0.plusMillis(10));
    }

    public static Task aSucceededTask(String id) {
        return aRunningTask(id).succeed("{\"x\": 1}", T0.plusMillis(20));
    }

    public static Task aRetriedTask(String id) {
        return aRunningTask(id).failAttempt(TaskError.of(io.weft.model.task.ErrorType.HANDLER_ERROR, "boom"), T0.plusMillis(20),
                T0.plusSeconds(5));
    }
}
