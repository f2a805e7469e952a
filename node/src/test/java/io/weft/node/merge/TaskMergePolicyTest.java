package io.weft.node.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingValue;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskSpec;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Tasks merge by their state machine: a terminal outcome is never replaced, then attempt, then time. */
class TaskMergePolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final TaskMergePolicy policy = new TaskMergePolicy();

    @Test
    void aTerminalOutcomeIsNeverReplacedByAnUnfinishedCopy() {
        Task queued = aQueuedTask();
        Task succeeded = queued.claim("m1", T0.plusSeconds(1)).succeed("{}", T0.plusSeconds(2));
        assertThat(merge(queued.claim("m2", T0.plusSeconds(5)), succeeded)).isEqualTo(succeeded);
        assertThat(merge(succeeded, queued.claim("m2", T0.plusSeconds(5)))).isEqualTo(succeeded);
    }

    @Test
    void twoDifferentOutcomesKeepTheLargerSidesAndAreCounted() {
        Task running = aQueuedTask().claim("m1", T0.plusSeconds(1));
        Task succeeded = running.succeed("{}", T0.plusSeconds(2));
        Task failed = running.failAttempt(TaskError.of(ErrorType.HANDLER_ERROR, "boom"), T0.plusSeconds(3), null);
        long before = MergeConflicts.count();
        assertThat(merge(failed, succeeded)).isEqualTo(succeeded);
        assertThat(MergeConflicts.count()).isEqualTo(before + 1);
        assertThat(merge(succeeded, succeeded)).isEqualTo(succeeded);
        assertThat(MergeConflicts.count()).isEqualTo(before + 1);
    }

    @Test
    void theHigherAttemptWinsThenTheLaterChange() {
        Task running = aQueuedTask().claim("m1", T0.plusSeconds(1));
        Task requeued = running.requeue(T0.plusSeconds(2));
        assertThat(requeued.attempt()).isGreaterThan(running.attempt());
        assertThat(merge(running, requeued)).isEqualTo(requeued);
        assertThat(merge(requeued, running)).isEqualTo(requeued);
        Task queued = aQueuedTask();
        assertThat(merge(running, queued)).isEqualTo(running);
        assertThat(merge(queued, running)).isEqualTo(running);
    }

    @Test
    void anEntryOnlyOneSideHasIsKept() {
        Task queued = aQueuedTask();
        assertThat(policy.merge(value(queued), null)).isEqualTo(queued);
    }

    private Object merge(Task merging, Task existing) {
        return policy.merge(value(merging), value(existing));
    }

    private static Task aQueuedTask() {
        return Task.create("t-1", "s-1", TaskSpec.of("echo", "{}"), T0);
    }

    private static MergingValue<Task> value(Task task) {
        return new MergingValue<>() {
            @Override
            public Task getDeserializedValue() {
                return task;
            }

            @Override
            public Object getRawValue() {
                return task;
            }
        };
    }
}
