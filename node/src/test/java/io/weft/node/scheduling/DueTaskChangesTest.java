package io.weft.node.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryEventType;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskSpec;
import io.weft.node.execution.DueTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change that leaves a task due goes to the dispatcher at once; one that delays it waits for the job. */
class DueTaskChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    private final DueSignals signals = new DueSignals();
    private final List<Task> dispatched = new ArrayList<>();
    private final DueTaskChanges changes = new DueTaskChanges(signals, dispatched::add);

    @Test
    void queuedChangeGoesToTheDispatcherWithTheValueWrittenAndNotToTheJob() {
        Task queued = Task.create("t-due-1", "s-due", TaskSpec.of("echo", "{}"), NOW).claim("m-1", NOW).requeue(NOW.plusMillis(5));

        changes.changed(updated(queued));

        assertThat(dispatched).containsExactly(queued);
        assertThat(signals.poll()).isNull();
    }

    @Test
    void scheduledChangeWaitsForTheJobAndIsNotDispatched() {
        Task running = Task.create("t-due-2", "s-due", TaskSpec.of("echo", "{}"), NOW).claim("m-1", NOW);
        Task retrying = running.failAttempt(new TaskError(ErrorType.HANDLER_ERROR, "java.lang.IllegalStateException", "boom"),
                NOW.plusMillis(5), NOW.plusSeconds(1));

        changes.changed(updated(retrying));

        assertThat(dispatched).isEmpty();
        DueTask signal = signals.poll();
        assertThat(signal).isNotNull();
        assertThat(signal.id()).isEqualTo(retrying.id());
        assertThat(signal.dueAtMillis()).isEqualTo(NOW.plusSeconds(1).toEpochMilli());
    }

    private static EntryEvent<String, Task> updated(Task task) {
        return new EntryEvent<>("tasks", null, EntryEventType.UPDATED.getType(), task.id(), null, task);
    }
}
