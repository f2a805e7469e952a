package io.weft.model.grid;

import static io.weft.model.task.TaskFixtures.MEMBER;
import static io.weft.model.task.TaskFixtures.OTHER_MEMBER;
import static io.weft.model.task.TaskFixtures.TASK_ID;
import static io.weft.model.task.TaskFixtures.aCancelledTask;
import static io.weft.model.task.TaskFixtures.aFailedTask;
import static io.weft.model.task.TaskFixtures.aQueuedTask;
import static io.weft.model.task.TaskFixtures.aRunningTask;
import static io.weft.model.task.TaskFixtures.aScheduledTaskDueIn;
import static io.weft.model.task.TaskFixtures.aSucceededTask;
import static io.weft.model.task.TaskFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.ErrorType;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskEntryProcessorsTest {

    private static RecordingEntry<Task> entryOf(Task task) {
        return new RecordingEntry<>(TASK_ID, task);
    }

    private static long millis(long secondsAfterT0) {
        return at(secondsAfterT0).toEpochMilli();
    }

    private static void assertUntouched(RecordingEntry<Task> entry, Task before) {
        assertThat(entry.getValue()).isSameAs(before);
        assertThat(entry.written()).as("entry written").isFalse();
    }

    @Test
    void queuedTaskOfTheExpectedAttemptIsClaimed() {
        RecordingEntry<Task> entry = entryOf(aQueuedTask());

        TaskUpdate claimed = new ClaimTask(MEMBER, 1, millis(1)).process(entry);
        Task running = claimed.task();

        assertThat(claimed.changed()).isTrue();
        assertThat(running.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.worker()).isEqualTo(MEMBER);
        assertThat(entry.getValue()).isEqualTo(running);
    }

    @Test
    void succeededTaskCannotBeClaimed() {
        Task succeeded = aSucceededTask();
        RecordingEntry<Task> entry = entryOf(succeeded);

        assertThat(new ClaimTask(MEMBER, 1, millis(5)).process(entry)).isNull();
        assertUntouched(entry, succeeded);
    }

    @Test
    void runningTaskCannotBeClaimedAgainByARepeatedDispatch() {
        Task running = aRunningTask();
        RecordingEntry<Task> entry = entryOf(running);

        assertThat(new ClaimTask(OTHER_MEMBER, 1, millis(5)).process(entry)).isNull();
        assertUntouched(entry, running);
    }

    @Test
    void claimRetriedByTheGridAfterItSucceededReturnsTheRunningTaskUnchanged() {
        Task running = aRunningTask();
        RecordingEntry<Task> entry = entryOf(running);

        assertThat(new ClaimTask(MEMBER, 1, millis(5)).process(entry)).isEqualTo(TaskUpdate.unchanged(running));
        assertUntouched(entry, running);
    }

    @Test
    void claimForAnotherAttemptIsRefused() {
        Task requeued = aRunningTask().requeue(at(2));
        RecordingEntry<Task> entry = entryOf(requeued);

        assertThat(new ClaimTask(MEMBER, 1, millis(3)).process(entry)).isNull();
        assertUntouched(entry, requeued);
    }

    @Test
    void claimOfAMissingTaskChangesNothing() {
        RecordingEntry<Task> entry = new RecordingEntry<>(TASK_ID, null);

        assertThat(new ClaimTask(MEMBER, 1, millis(1)).process(entry)).isNull();
        assertThat(entry.written()).isFalse();
    }

    @Test
    void completionOfTheCurrentAttemptIsRecorded() {
        RecordingEntry<Task> entry = entryOf(aRunningTask());

        Task done = CompleteAttempt.success(1, MEMBER, millis(1), "{\"r\":1}", millis(2)).process(entry).unpredicted();

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"r\":1}");
        assertThat(entry.getValue()).isEqualTo(done);
    }

    @Test
    void failureWithRetriesLeftIsScheduledAtTheRetryTime() {
        RecordingEntry<Task> entry = entryOf(aRunningTask());
        TaskError boom = TaskError.of(ErrorType.HANDLER_ERROR, "boom");

        Task next = CompleteAttempt.failure(1, MEMBER, millis(1), boom, millis(2), millis(20)).process(entry).unpredicted();

        assertThat(next.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(next.dueAt()).isEqualTo(at(20));
        assertThat(next.attempt()).isEqualTo(2);
    }

    @Test
    void failureWithNegativeRetryTimeIsNotRetried() {
        RecordingEntry<Task> entry = entryOf(aRunningTask());

        Task next = CompleteAttempt.failure(1, MEMBER, millis(1), TaskError.of(ErrorType.TIMEOUT, "slow"), millis(2), -1)
                .process(entry).unpredicted();

        assertThat(next.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(next.error().type()).isEqualTo(ErrorType.TIMEOUT);
    }

    @Test
    void staleFenceCompletionIsRejected() {
        // Attempt 1 ran on MEMBER, which was lost; attempt 2 now runs on OTHER_MEMBER.
        Task secondAttempt = aRunningTask().requeue(at(2)).claim(OTHER_MEMBER, at(3));
        RecordingEntry<Task> entry = entryOf(secondAttempt);

        assertThat(CompleteAttempt.success(1, MEMBER, millis(1), "{\"late\":true}", millis(4)).process(entry)).isNull();
        assertThat(CompleteAttempt.failure(1, MEMBER, millis(1), TaskError.of(ErrorType.HANDLER_ERROR, "late"), millis(4), millis(9))
                .process(entry)).isNull();
        assertUntouched(entry, secondAttempt);

        Task done = CompleteAttempt.success(2, OTHER_MEMBER, millis(3), "{\"current\":true}", millis(5)).process(entry).unpredicted();
        assertThat(done.output()).isEqualTo("{\"current\":true}");
    }

    @Test
    void outcomeIsWrittenOnceSoARepeatedCompletionIsRejected() {
        RecordingEntry<Task> entry = entryOf(aRunningTask());
        Task first = CompleteAttempt.success(1, MEMBER, millis(1), "1", millis(2)).process(entry).unpredicted();

        RecordingEntry<Task> again = entryOf(first);
        assertThat(CompleteAttempt.success(1, MEMBER, millis(1), "2", millis(3)).process(again)).isNull();
        assertUntouched(again, first);
    }

    @Test
    void outcomeOfAnUnclaimedAttemptRecordsItsStartThenItsOutcomeInOneWrite() {
        RecordingEntry<Task> entry = entryOf(aQueuedTask());

        Task done = CompleteAttempt.success(1, MEMBER, millis(1), "{\"r\":1}", millis(2)).process(entry).unpredicted();

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.history()).extracting(StatusChange::status)
                .containsExactly(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.SUCCEEDED);
        assertThat(done.history().get(1).at()).isEqualTo(at(1));
        assertThat(done.history().get(1).member()).isEqualTo(MEMBER);
        assertThat(done.worker()).isEqualTo(MEMBER);
        assertThat(entry.getValue()).isEqualTo(done);
    }

    @Test
    void failureOfAnUnclaimedAttemptIsRetriedLikeAClaimedOne() {
        RecordingEntry<Task> entry = entryOf(aQueuedTask());

        Task next = CompleteAttempt.failure(1, MEMBER, millis(1), TaskError.of(ErrorType.HANDLER_ERROR, "boom"),
                millis(2), millis(20)).process(entry).unpredicted();

        assertThat(next.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(next.history()).extracting(StatusChange::status)
                .containsExactly(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.SCHEDULED);
        assertThat(next.attempt()).isEqualTo(2);
    }

    @Test
    void completionAsTheWorkerPredictedAnswersWithoutTheTask() {
        Task copy = aQueuedTask();
        RecordingEntry<Task> entry = entryOf(copy);
        CompleteAttempt completion = CompleteAttempt.success(1, MEMBER, millis(1), "{\"r\":1}", millis(2));
        Task predicted = completion.applyTo(copy);

        RecordedOutcome answer = completion.predicting(predicted).process(entry);

        assertThat(answer.unpredicted()).isNull();
        assertThat(answer.taskOr(predicted)).isEqualTo(entry.getValue());
    }

    @Test
    void startWrittenMeanwhileWithTheAttemptsStartTimeKeepsThePrediction() {
        Task copy = aQueuedTask();
        RecordingEntry<Task> entry = entryOf(copy.claim(MEMBER, at(1)));
        CompleteAttempt completion = CompleteAttempt.failure(1, MEMBER, millis(1), TaskError.of(ErrorType.HANDLER_ERROR, "boom"),
                millis(2), millis(20));
        Task predicted = completion.applyTo(copy);

        RecordedOutcome answer = completion.predicting(predicted).process(entry);

        assertThat(answer.unpredicted()).isNull();
        assertThat(answer.taskOr(predicted)).isEqualTo(entry.getValue());
    }

    @Test
    void completionOfATaskChangedBeyondTheWorkersCopyAnswersWithTheStoredTask() {
        Task copy = aQueuedTask();
        // Stored with one more change than the copy holds (due, then queued), same attempt.
        Task stored = aScheduledTaskDueIn(Duration.ofSeconds(1)).promote(at(1));
        RecordingEntry<Task> entry = entryOf(stored);
        CompleteAttempt completion = CompleteAttempt.success(1, MEMBER, millis(2), "{}", millis(3));
        Task predicted = completion.applyTo(copy);

        RecordedOutcome answer = completion.predicting(predicted).process(entry);

        assertThat(answer.unpredicted()).isEqualTo(entry.getValue()).isNotEqualTo(predicted);
        assertThat(answer.taskOr(predicted).history()).extracting(StatusChange::status)
                .containsExactly(TaskStatus.SCHEDULED, TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.SUCCEEDED);
    }

    @Test
    void completionOfAnAttemptAnotherWorkerClaimedIsRejected() {
        Task running = aRunningTask();
        RecordingEntry<Task> entry = entryOf(running);

        assertThat(CompleteAttempt.success(1, OTHER_MEMBER, millis(1), "{}", millis(2)).process(entry)).isNull();
        assertUntouched(entry, running);
    }

    @Test
    void unclaimedAttemptOfATaskCancelledMeanwhileIsRejected() {
        Task cancelled = aQueuedTask().cancel(at(2));
        RecordingEntry<Task> entry = entryOf(cancelled);

        assertThat(CompleteAttempt.success(1, MEMBER, millis(1), "{}", millis(3)).process(entry)).isNull();
        assertUntouched(entry, cancelled);
    }

    @Test
    void completionOfACancelledTaskIsRejected() {
        Task cancelled = aRunningTask().cancel(at(2));
        RecordingEntry<Task> entry = entryOf(cancelled);

        assertThat(CompleteAttempt.success(1, MEMBER, millis(1), "{}", millis(3)).process(entry)).isNull();
        assertUntouched(entry, cancelled);
    }

    @Test
    void cancelOfAFinishedTaskIsANoOp() {
        for (Task finished : List.of(aSucceededTask(), aFailedTask(), aCancelledTask())) {
            RecordingEntry<Task> entry = entryOf(finished);

            TaskUpdate update = new CancelTask(millis(9)).process(entry);

            assertThat(update.task()).as("%s", finished.status()).isSameAs(finished);
            assertThat(update.changed()).as("%s changed", finished.status()).isFalse();
            assertUntouched(entry, finished);
        }
    }

    @Test
    void cancelOfAnUnfinishedTaskCancelsItAtOnce() {
        for (Task unfinished : List.of(aQueuedTask(), aRunningTask(), aScheduledTaskDueIn(Duration.ofMinutes(1)))) {
            RecordingEntry<Task> entry = entryOf(unfinished);

            TaskUpdate update = new CancelTask(millis(9)).process(entry);
            Task cancelled = update.task();

            assertThat(update.changed()).isTrue();
            assertThat(cancelled.status()).as("from %s", unfinished.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(entry.getValue()).isEqualTo(cancelled);
        }
    }

    @Test
    void cancelOfAMissingTaskReturnsNull() {
        assertThat(new CancelTask(millis(1)).process(new RecordingEntry<>(TASK_ID, null))).isNull();
    }

    @Test
    void scheduledTaskIsNotPromotedBeforeItIsDue() {
        Task scheduled = aScheduledTaskDueIn(Duration.ofSeconds(30));
        RecordingEntry<Task> entry = entryOf(scheduled);

        assertThat(new PromoteDueTask(1, millis(30) - 1).process(entry)).isNull();
        assertUntouched(entry, scheduled);
    }

    @Test
    void scheduledTaskIsPromotedOnceDue() {
        RecordingEntry<Task> entry = entryOf(aScheduledTaskDueIn(Duration.ofSeconds(30)));

        Task queued = new PromoteDueTask(1, millis(30)).process(entry);

        assertThat(queued.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(entry.getValue()).isEqualTo(queued);
    }

    @Test
    void staleTimerOfAnEarlierAttemptDoesNotPromote() {
        Task retrying = aRunningTask().failAttempt(TaskError.of(ErrorType.HANDLER_ERROR, "x"), at(2), at(10));
        RecordingEntry<Task> entry = entryOf(retrying);

        assertThat(new PromoteDueTask(1, millis(20)).process(entry)).isNull();
        assertUntouched(entry, retrying);
        assertThat(new PromoteDueTask(2, millis(20)).process(entry).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void promoteOfANonScheduledTaskChangesNothing() {
        Task running = aRunningTask();
        RecordingEntry<Task> entry = entryOf(running);

        assertThat(new PromoteDueTask(1, millis(20)).process(entry)).isNull();
        assertUntouched(entry, running);
    }

    @Test
    void runningTaskOfTheDeadMemberIsRequeuedWithTheNextAttempt() {
        RecordingEntry<Task> entry = entryOf(aRunningTask());

        Task requeued = new RequeueOrphan(MEMBER, millis(5)).process(entry);

        assertThat(requeued.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(requeued.attempt()).isEqualTo(2);
        assertThat(requeued.failures()).isZero();
        assertThat(entry.getValue()).isEqualTo(requeued);
    }

    @Test
    void runningTaskOfALiveMemberIsNotRequeued() {
        Task running = aRunningTask();
        RecordingEntry<Task> entry = entryOf(running);

        assertThat(new RequeueOrphan(OTHER_MEMBER, millis(5)).process(entry)).isNull();
        assertUntouched(entry, running);
    }

    @Test
    void finishedTaskOfTheDeadMemberIsNotRequeued() {
        for (Task moved : List.of(aSucceededTask(), aFailedTask(), aRunningTask().cancel(at(2)), aQueuedTask())) {
            RecordingEntry<Task> entry = entryOf(moved);

            assertThat(new RequeueOrphan(MEMBER, millis(5)).process(entry)).as("%s", moved.status()).isNull();
            assertUntouched(entry, moved);
        }
    }

    @Test
    void insertKeepsTheTaskAlreadyStoredUnderTheId() {
        Task stored = aRunningTask();
        RecordingEntry<Task> entry = entryOf(stored);

        assertThat(new InsertTask(aQueuedTask()).process(entry)).isEqualTo(stored);
        assertUntouched(entry, stored);

        RecordingEntry<Task> empty = new RecordingEntry<>(TASK_ID, null);
        Task fresh = aQueuedTask();
        assertThat(new InsertTask(fresh).process(empty)).as("the caller holds what it stored").isNull();
        assertThat(empty.getValue()).isSameAs(fresh);
    }
}
