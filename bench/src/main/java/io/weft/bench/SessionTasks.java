package io.weft.bench;

import io.weft.client.WeftClient;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** What every scenario does with its session's tasks: submit them in batches, read their latencies back. */
final class SessionTasks {

    static final int BATCH = 1_000;

    private SessionTasks() {
    }

    /** Submits {@code count} tasks, the i-th made by {@code spec}, in batches of {@link #BATCH}. */
    static void submitInBatches(WeftClient client, String session, int count, IntFunction<TaskSpec> spec) {
        List<TaskSpec> specs = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            specs.add(spec.apply(i));
            if (specs.size() == BATCH || i == count - 1) {
                client.tasks().submit(session, specs);
                specs = new ArrayList<>(BATCH);
            }
        }
    }

    /** Each SUCCEEDED task's created → SUCCEEDED time, from its own history (one clock: its owner's). */
    static long[] createdToSucceededMillis(WeftClient client, String session) {
        return client.tasks().list(session, TaskStatus.SUCCEEDED).stream()
                .mapToLong(t -> t.endedAt().toEpochMilli() - t.createdAt().toEpochMilli()).toArray();
    }
}
