package io.weft.model.grid;

import static io.weft.model.task.TaskFixtures.SESSION_ID;
import static io.weft.model.task.TaskFixtures.T0;
import static io.weft.model.task.TaskFixtures.TASK_ID;
import static io.weft.model.task.TaskFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.ErrorType;
import io.weft.model.task.InputTally;
import io.weft.model.task.Inputs;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two entry processors a settling input runs: the count in the tally, then the task's move. */
class InputEntryProcessorsTest {

    private static final Task WAITING = Task.create(TASK_ID, SESSION_ID,
            new TaskSpec("echo", "{}", null, List.of("r-a", "r-b", "r-c"), null, null, null), T0);

    @Test
    void lastInputCountedReturnsAnEmptyTallyWithTheLargestInput() {
        RecordingEntry<InputTally> entry = new RecordingEntry<>(TASK_ID, InputTally.allPending(SESSION_ID, 3));

        InputTally afterA = new TallyInput(0, "r-a", 10).process(entry);
        InputTally afterC = new TallyInput(2, "r-c", 300).process(entry);
        InputTally afterB = new TallyInput(1, "r-b", 20).process(entry);

        assertThat(afterA.allReady()).isFalse();
        assertThat(afterC.pendingIds(WAITING.spec().dependsOn())).containsExactly("r-b");
        assertThat(afterB.allReady()).isTrue();
        assertThat(afterB.largestInput()).isEqualTo(new Inputs("r-c", 300));
        assertThat(entry.getValue()).isEqualTo(afterB);
    }

    @Test
    void inputCountedTwiceCountsOnceAndWritesNothing() {
        RecordingEntry<InputTally> entry = new RecordingEntry<>(TASK_ID, InputTally.allPending(SESSION_ID, 2));
        new TallyInput(0, "r-a", 10).process(entry);
        InputTally once = entry.getValue();
        RecordingEntry<InputTally> again = new RecordingEntry<>(TASK_ID, once);

        assertThat(new TallyInput(0, "r-a", 10).process(again)).as("no change, so no caller readies the task").isNull();
        assertThat(again.written()).isFalse();
        assertThat(once.isPending(1)).isTrue();
    }

    @Test
    void inputCountedForAMissingTallyChangesNothing() {
        RecordingEntry<InputTally> entry = new RecordingEntry<>(TASK_ID, null);

        assertThat(new TallyInput(0, "r-a", 10).process(entry)).isNull();
        assertThat(entry.written()).isFalse();
    }

    @Test
    void readyInputsQueueAWaitingTaskOnceWithItsLargestInput() {
        RecordingEntry<Task> entry = new RecordingEntry<>(TASK_ID, WAITING);

        Task queued = ResolveInput.ready(new Inputs("r-c", 300), at(5).toEpochMilli()).process(entry);

        assertThat(queued.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(queued.inputs().largest()).isEqualTo("r-c");
        assertThat(ResolveInput.ready(new Inputs("r-c", 300), at(6).toEpochMilli())
                .process(new RecordingEntry<>(TASK_ID, queued))).as("told twice").isNull();
    }

    @Test
    void abortedInputFailsAWaitingTaskThatDependsOnIt() {
        Task failed = ResolveInput.aborted("r-b", "its producer failed", at(5).toEpochMilli())
                .process(new RecordingEntry<>(TASK_ID, WAITING));

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error().type()).isEqualTo(ErrorType.DEPENDENCY_FAILED);
        assertThat(failed.error().message()).contains("r-b");
    }

    @Test
    void abortOfAResultTheTaskDoesNotNameChangesNothing() {
        RecordingEntry<Task> entry = new RecordingEntry<>(TASK_ID, WAITING);

        assertThat(ResolveInput.aborted("r-other", "gone", at(5).toEpochMilli()).process(entry)).isNull();
        assertThat(entry.written()).isFalse();
    }
}
