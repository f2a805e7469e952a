package io.weft.model.task;

import static io.weft.model.task.TaskFixtures.MEMBER;
import static io.weft.model.task.TaskFixtures.OTHER_MEMBER;
import static io.weft.model.task.TaskFixtures.SESSION_ID;
import static io.weft.model.task.TaskFixtures.T0;
import static io.weft.model.task.TaskFixtures.TASK_ID;
import static io.weft.model.task.TaskFixtures.aQueuedTask;
import static io.weft.model.task.TaskFixtures.aQueuedTaskWithMaxRetries;
import static io.weft.model.task.TaskFixtures.aRunningTask;
import static io.weft.model.task.TaskFixtures.anEchoSpec;
import static io.weft.model.task.TaskFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final TaskError BOOM = TaskError.of(ErrorType.HANDLER_ERROR, "boom");

    @Test
    void failedAttemptWithRetriesLeftIsScheduledForItsRetryWithTheNextAttempt() {
        Task failed = aRunningTask().failAttempt(BOOM, at(2), at(30));

        assertThat(failed.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.failures()).isEqualTo(1);
        assertThat(failed.dueAt()).isEqualTo(at(30));
        assertThat(failed.worker()).isNull();
        assertThat(failed.error()).isEqualTo(BOOM);
    }

    @Test
    void failedAttemptWithoutRetriesLeftFailsForGoodKeepingTheError() {
        Task failed = aQueuedTaskWithMaxRetries(0).claim(MEMBER, at(1)).failAttempt(BOOM, at(2), at(30));

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.failures()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo(BOOM);
        assertThat(failed.endedAt()).isEqualTo(at(2));
    }

    @Test
    void taskFailsForGoodOnceItsFailuresReachMaxRetries() {
        Task task = aQueuedTaskWithMaxRetries(2);
        for (int retry = 1; retry <= 2; retry++) {
            task = task.claim(MEMBER, at(retry * 10)).failAttempt(BOOM, at(retry * 10 + 1), at(retry * 10 + 5))
                    .promote(at(retry * 10 + 5));
            assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
        }
        Task last = task.claim(MEMBER, at(40)).failAttempt(BOOM, at(41), at(45));

        assertThat(last.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(last.attempt()).isEqualTo(3);
        assertThat(last.failures()).isEqualTo(3);
    }

    @Test
    void failureWithoutRetryTimeFailsForGoodEvenWithRetriesLeft() {
        assertThat(aRunningTask().failAttempt(BOOM, at(2), null).status()).isEqualTo(TaskStatus.FAILED);
    }

    @Test
    void missingOutputAndUnknownTypeAreNeverRetried() {
        for (ErrorType type : List.of(ErrorType.MISSING_OUTPUT, ErrorType.UNKNOWN_TYPE)) {
            Task failed = aRunningTask().failAttempt(TaskError.of(type, "no"), at(2), at(30));
            assertThat(failed.status()).as("%s", type).isEqualTo(TaskStatus.FAILED);
        }
    }

    @Test
    void requeueAfterLostWorkerRaisesAttemptButNotFailuresAndKeepsItsDueTime() {
        Task running = aRunningTask();
        Task requeued = running.requeue(at(3));

        assertThat(requeued.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(requeued.attempt()).isEqualTo(2);
        assertThat(requeued.failures()).isZero();
        assertThat(requeued.worker()).isNull();
        assertThat(requeued.dueAt()).isEqualTo(running.dueAt()).isBefore(at(3));
    }

    @Test
    void historyHoldsOneEntryPerChangeWithItsAttemptAndMember() {
        Task done = aQueuedTask()
                .claim(MEMBER, at(1))
                .failAttempt(BOOM, at(2), at(5))
                .promote(at(5))
                .claim(OTHER_MEMBER, at(6))
                .requeue(at(7))
                .claim(MEMBER, at(8))
                .succeed("{\"y\":2}", at(9));

        assertThat(done.history())
                .extracting(StatusChange::status, StatusChange::at, StatusChange::attempt, StatusChange::member)
                .containsExactly(
                        tuple(TaskStatus.QUEUED, T0, 1, null),
                        tuple(TaskStatus.RUNNING, at(1), 1, MEMBER),
                        tuple(TaskStatus.SCHEDULED, at(2), 2, null),
                        tuple(TaskStatus.QUEUED, at(5), 2, null),
                        tuple(TaskStatus.RUNNING, at(6), 2, OTHER_MEMBER),
                        tuple(TaskStatus.QUEUED, at(7), 3, null),
                        tuple(TaskStatus.RUNNING, at(8), 3, MEMBER),
                        tuple(TaskStatus.SUCCEEDED, at(9), 3, null));
        assertThat(done.output()).isEqualTo("{\"y\":2}");
        assertThat(done.error()).isNull();
        assertThat(done.failures()).isEqualTo(1);
    }

    @Test
    void timingsAreReadFromTheHistory() {
        Task queued = aQueuedTask();
        assertThat(queued.createdAt()).isEqualTo(T0);
        assertThat(queued.startedAt()).isNull();
        assertThat(queued.endedAt()).isNull();

        Task retried = queued.claim(MEMBER, at(1)).requeue(at(2)).claim(MEMBER, at(3));
        assertThat(retried.startedAt()).as("the current attempt's start").isEqualTo(at(3));
        assertThat(retried.endedAt()).isNull();

        Task done = retried.succeed("1", at(4));
        assertThat(done.createdAt()).isEqualTo(T0);
        assertThat(done.startedAt()).isEqualTo(at(3));
        assertThat(done.endedAt()).isEqualTo(at(4));
    }

    @Test
    void taskDueNowIsCreatedQueued() {
        Task task = aQueuedTask();

        assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.failures()).isZero();
        assertThat(task.dueAt()).isEqualTo(T0);
        assertThat(task.history()).containsExactly(new StatusChange(TaskStatus.QUEUED, T0, 1, null));
    }

    @Test
    void taskWithDelayIsCreatedScheduledUntilTheDelayEnds() {
        Task task = Task.create(TASK_ID, SESSION_ID,
                anEchoSpec().withOptions(TaskOptions.builder().delay(Duration.ofSeconds(30)).build()), T0);

        assertThat(task.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(task.dueAt()).isEqualTo(at(30));
    }

    @Test
    void taskWithRunAtInTheFutureIsScheduledAndInThePastIsQueued() {
        Task later = Task.create(TASK_ID, SESSION_ID,
                anEchoSpec().withOptions(TaskOptions.builder().runAt(at(60)).build()), T0);
        Task earlier = Task.create(TASK_ID, SESSION_ID,
                anEchoSpec().withOptions(TaskOptions.builder().runAt(at(-60)).build()), T0);

        assertThat(later.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(later.dueAt()).isEqualTo(at(60));
        assertThat(earlier.status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void zeroDelayIsDueAtOnce() {
        Task task = Task.create(TASK_ID, SESSION_ID,
                anEchoSpec().withOptions(TaskOptions.builder().delay(Duration.ZERO).build()), T0);

        assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void taskWithInputsIsCreatedWaitingWhateverItsDueTime() {
        TaskSpec withInputs = new TaskSpec("echo", "{}", null, List.of("r-1"), null, null, null);

        assertThat(Task.create(TASK_ID, SESSION_ID, withInputs, T0).status()).isEqualTo(TaskStatus.WAITING);
        Task delayed = Task.create(TASK_ID, SESSION_ID,
                withInputs.withOptions(TaskOptions.builder().delay(Duration.ofSeconds(30)).build()), T0);
        assertThat(delayed.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(delayed.dueAt()).isEqualTo(at(30));
    }

    @Test
    void waitingTaskWhoseInputsAreReadyKeepsItsDelay() {
        TaskSpec delayedWithInputs = new TaskSpec("echo", "{}",
                TaskOptions.builder().delay(Duration.ofSeconds(30)).build(), List.of("r-1"), null, null, null);
        Task waiting = Task.create(TASK_ID, SESSION_ID, delayedWithInputs, T0);

        Task early = waiting.inputsReady(Inputs.NONE, at(10));
        assertThat(early.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(early.dueAt()).isEqualTo(at(30));

        assertThat(waiting.inputsReady(Inputs.NONE, at(30)).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void cancelRecordsACancelledErrorAndEndsTheTask() {
        Task cancelled = aRunningTask().cancel(at(2));

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.error().type()).isEqualTo(ErrorType.CANCELLED);
        assertThat(cancelled.endedAt()).isEqualTo(at(2));
    }

    @Test
    void eventOfTheLatestChangeNamesPreviousAndNewStatus() {
        Task running = aRunningTask();

        assertThat(TaskEvent.latest(aQueuedTask()))
                .isEqualTo(new TaskEvent(0, T0, SESSION_ID, TASK_ID, null, TaskStatus.QUEUED, 1));
        assertThat(TaskEvent.latest(running))
                .isEqualTo(new TaskEvent(1, at(1), SESSION_ID, TASK_ID, TaskStatus.QUEUED, TaskStatus.RUNNING, 1));
    }

    @Test
    void longErrorMessageIsCutSoItCannotBloatTheGrid() {
        TaskError error = TaskError.of(ErrorType.HANDLER_ERROR, "x".repeat(TaskError.MAX_MESSAGE_CHARS * 3));

        assertThat(error.message()).hasSize(TaskError.MAX_MESSAGE_CHARS + 1).endsWith("…");
    }
}
