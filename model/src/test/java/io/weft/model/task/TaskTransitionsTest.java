package io.weft.model.task;

import static io.weft.model.task.TaskFixtures.MEMBER;
import static io.weft.model.task.TaskFixtures.T0;
import static io.weft.model.task.TaskFixtures.aTaskIn;
import static io.weft.model.task.TaskFixtures.at;
import static io.weft.model.task.TaskStatus.CANCELLED;
import static io.weft.model.task.TaskStatus.FAILED;
import static io.weft.model.task.TaskStatus.QUEUED;
import static io.weft.model.task.TaskStatus.RUNNING;
import static io.weft.model.task.TaskStatus.SCHEDULED;
import static io.weft.model.task.TaskStatus.SUCCEEDED;
import static io.weft.model.task.TaskStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Walks every (from, to) pair of {@link TaskStatus}. The table below is written out on purpose:
 * changing {@link TaskTransitions} without changing it here fails a test.
 */
class TaskTransitionsTest {

    private static final Map<TaskStatus, Set<TaskStatus>> EXPECTED = new EnumMap<>(Map.of(
            WAITING, EnumSet.of(SCHEDULED, QUEUED, FAILED, CANCELLED),
            SCHEDULED, EnumSet.of(QUEUED, CANCELLED),
            QUEUED, EnumSet.of(RUNNING, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, SCHEDULED, QUEUED),
            SUCCEEDED, EnumSet.noneOf(TaskStatus.class),
            FAILED, EnumSet.noneOf(TaskStatus.class),
            CANCELLED, EnumSet.noneOf(TaskStatus.class)));

    private record Pair(TaskStatus from, TaskStatus to) {
    }

    /** A guarded method of {@link Task} and the status it moves a task to when allowed. */
    private record Move(String name, TaskStatus target, UnaryOperator<Task> apply) {
    }

    private static final TaskError BOOM = TaskError.of(ErrorType.HANDLER_ERROR, "boom");

    private static final List<Move> MOVES = List.of(
            new Move("claim", RUNNING, t -> t.claim(MEMBER, at(5))),
            new Move("succeed", SUCCEEDED, t -> t.succeed("{}", at(5))),
            new Move("failAttempt with retries left", SCHEDULED, t -> t.failAttempt(BOOM, at(5), at(10))),
            new Move("failAttempt without retry time", FAILED, t -> t.failAttempt(BOOM, at(5), null)),
            new Move("requeue", QUEUED, t -> t.requeue(at(5))),
            new Move("promote", QUEUED, t -> t.promote(at(5))),
            new Move("inputsReady when due", QUEUED, t -> t.inputsReady(Inputs.NONE, at(5))),
            new Move("inputsReady before due", SCHEDULED, t -> t.inputsReady(Inputs.NONE, T0.minusSeconds(5))),
            new Move("failDependency", FAILED, t -> t.failDependency(TaskError.of(ErrorType.DEPENDENCY_FAILED, "gone"), at(5))),
            new Move("cancel", CANCELLED, t -> t.cancel(at(5))));

    @Test
    void allowedTransitionsAreExactlyTheWrittenTable() {
        for (TaskStatus from : TaskStatus.values()) {
            assertThat(TaskTransitions.allowedFrom(from)).as("allowed from %s", from).isEqualTo(EXPECTED.get(from));
            for (TaskStatus to : TaskStatus.values()) {
                assertThat(TaskTransitions.isAllowed(from, to)).as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyTerminalStatusesHaveNoWayOut() {
        for (TaskStatus status : TaskStatus.values()) {
            assertThat(TaskTransitions.allowedFrom(status).isEmpty()).as("%s", status).isEqualTo(status.isTerminal());
        }
    }

    @Test
    void guardedMethodsMoveTheTaskOrThrowAsTheTableSays() {
        walkEveryMoveFromEveryStatus();
    }

    @Test
    void everyDeclaredTransitionIsExercisedByAGuardedMethod() {
        Set<Pair> declared = new HashSet<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskTransitions.allowedFrom(from)) {
                declared.add(new Pair(from, to));
            }
        }
        assertThat(walkEveryMoveFromEveryStatus()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void newTaskStartsWaitingWhenItHasInputsElseQueuedWhenDueElseScheduled() {
        assertThat(TaskTransitions.initial(true, true)).isEqualTo(WAITING);
        assertThat(TaskTransitions.initial(true, false)).isEqualTo(WAITING);
        assertThat(TaskTransitions.initial(false, true)).isEqualTo(QUEUED);
        assertThat(TaskTransitions.initial(false, false)).isEqualTo(SCHEDULED);
    }

    @Test
    void initialStatusesAreExactlyTheOnesANewTaskCanStartIn() {
        Set<TaskStatus> startable = new HashSet<>();
        for (boolean hasInputs : new boolean[] {true, false}) {
            for (boolean due : new boolean[] {true, false}) {
                startable.add(TaskTransitions.initial(hasInputs, due));
            }
        }
        assertThat(TaskTransitions.initialStatuses()).containsExactlyInAnyOrderElementsOf(startable);
    }

    /** Applies every move to a task in every status; returns the pairs that moved a task. */
    private static Set<Pair> walkEveryMoveFromEveryStatus() {
        Set<Pair> exercised = new HashSet<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (Move move : MOVES) {
                Task before = aTaskIn(from);
                if (TaskTransitions.isAllowed(from, move.target())) {
                    Task after = move.apply().apply(before);
                    assertThat(after.status()).as("%s from %s", move.name(), from).isEqualTo(move.target());
                    assertThat(after.history()).as("%s from %s", move.name(), from).hasSize(before.history().size() + 1);
                    assertThat(after.history().get(after.history().size() - 1).status()).isEqualTo(move.target());
                    exercised.add(new Pair(from, move.target()));
                } else {
                    assertThatThrownBy(() -> move.apply().apply(before))
                            .as("%s from %s", move.name(), from)
                            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                assertThat(e.from()).isEqualTo(from);
                                assertThat(e.to()).isEqualTo(move.target());
                            });
                }
            }
        }
        return exercised;
    }
}
