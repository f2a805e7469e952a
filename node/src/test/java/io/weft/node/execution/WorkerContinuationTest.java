package io.weft.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerContinuationTest {

    @Test
    void firstAttemptStartedByAReleaseRunsOnTheReleasingThreadAfterTheReleaseReturns() {
        List<String> steps = new ArrayList<>();
        Thread releasing = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        WorkerContinuation.release(() -> {
            boolean first = WorkerContinuation.runNextHere(() -> {
                steps.add("next attempt");
                ranOn.add(Thread.currentThread());
            });
            boolean second = WorkerContinuation.runNextHere(() -> steps.add("second attempt"));
            steps.add("release returns, first taken " + first + ", second taken " + second);
        });
        assertThat(steps).containsExactly("release returns, first taken true, second taken false", "next attempt");
        assertThat(ranOn).containsExactly(releasing);
    }

    @Test
    void outsideAReleaseNothingRunsHere() {
        assertThat(WorkerContinuation.runNextHere(() -> { })).isFalse();
    }

    @Test
    void attemptRunningHereStartsNoFurtherAttemptOnThisThread() {
        List<Boolean> takenInsideTheAttempt = new ArrayList<>();
        WorkerContinuation.release(() -> WorkerContinuation.runNextHere(
                () -> takenInsideTheAttempt.add(WorkerContinuation.runNextHere(() -> { }))));
        // A handler that submits subtasks may start attempts: those go to other workers, not nested here.
        assertThat(takenInsideTheAttempt).containsExactly(false);
    }
}
