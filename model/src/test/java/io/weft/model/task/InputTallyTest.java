package io.weft.model.task;

import static io.weft.model.task.TaskFixtures.SESSION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTallyTest {

    @Test
    void inputNamedTwiceIsPendingUntilBothItsPositionsAreCounted() {
        List<String> dependsOn = List.of("r-a", "r-b", "r-a");
        InputTally tally = InputTally.allPending(SESSION_ID, dependsOn.size())
                .ready(0, "r-a", 5)
                .ready(1, "r-b", 7);

        assertThat(tally.pendingIds(dependsOn)).containsExactly("r-a");
        assertThat(tally.ready(2, "r-a", 5).allReady()).isTrue();
    }

    @Test
    void largestInputIsTheBiggestCountedAndTheFirstOfEqualOnes() {
        InputTally tally = InputTally.allPending(SESSION_ID, 3).ready(0, "r-a", 5).ready(1, "r-b", 9).ready(2, "r-c", 9);

        assertThat(tally.largestInput()).isEqualTo(new Inputs("r-b", 9));
    }

    @Test
    void tallyCannotBeChangedThroughWhatItReturns() {
        InputTally tally = InputTally.allPending(SESSION_ID, 2);

        tally.pending().clear();

        assertThat(tally.allReady()).isFalse();
        BitSet given = new BitSet();
        given.set(0);
        InputTally copy = new InputTally(SESSION_ID, given, null, 0);
        given.clear(0);
        assertThat(copy.isPending(0)).isTrue();
    }

    @Test
    void onlyTasksWithSeveralInputsKeepATally() {
        assertThat(InputTally.isKeptFor(new TaskSpec("echo", "{}", null, List.of("r-a"), null, null, null))).isFalse();
        assertThat(InputTally.isKeptFor(new TaskSpec("echo", "{}", null, List.of("r-a", "r-b"), null, null, null))).isTrue();
        assertThatThrownBy(() -> InputTally.allPending(SESSION_ID, 0)).isInstanceOf(InvalidValueException.class);
    }
}
