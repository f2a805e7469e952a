package io.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.StatusChange;
import io.weft.model.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the fail-over benchmark reads which attempts a kill interrupted, and when they ran again. */
class FailoverScenarioTest {

    private static final long KILL = 1_800_000_000_000L;
    private static final String VICTIM = "victim";

    @Test
    void attemptTooYoungForTheGridIsTimedFromTheKillToItsRunElsewhere() {
        List<StatusChange> history = List.of(change(TaskStatus.QUEUED, KILL - 500, 1, null),
                change(TaskStatus.RUNNING, KILL + 1_200, 2, "other"), change(TaskStatus.SUCCEEDED, KILL + 1_400, 2, "other"));

        assertThat(FailoverScenario.runningAgainAfter(history, VICTIM, KILL)).isEqualTo(1_200);
        assertThat(FailoverScenario.runningOnVictimAtKill(history, VICTIM, KILL)).isFalse();
    }

    @Test
    void attemptWhoseStartTheGridHeldIsTimedAndSaidToBeKnown() {
        List<StatusChange> history = List.of(change(TaskStatus.QUEUED, KILL - 500, 1, null),
                change(TaskStatus.RUNNING, KILL - 100, 1, VICTIM), change(TaskStatus.RUNNING, KILL + 3_000, 2, "other"));

        assertThat(FailoverScenario.runningAgainAfter(history, VICTIM, KILL)).isEqualTo(3_000);
        assertThat(FailoverScenario.runningOnVictimAtKill(history, VICTIM, KILL)).isTrue();
    }

    @Test
    void taskThatEndedOnTheVictimIsNotCountedAsInterrupted() {
        List<StatusChange> before = List.of(change(TaskStatus.RUNNING, KILL - 300, 1, VICTIM),
                change(TaskStatus.SUCCEEDED, KILL - 100, 1, VICTIM));
        List<StatusChange> inTheKillsInstant = List.of(change(TaskStatus.RUNNING, KILL - 200, 1, VICTIM),
                change(TaskStatus.SUCCEEDED, KILL + 1, 1, VICTIM));

        assertThat(FailoverScenario.runningAgainAfter(before, VICTIM, KILL)).isEqualTo(-1);
        assertThat(FailoverScenario.runningAgainAfter(inTheKillsInstant, VICTIM, KILL)).isEqualTo(-1);
    }

    @Test
    void interruptedTaskNeverRunAgainIsReportedAsNeverRecovered() {
        List<StatusChange> history = List.of(change(TaskStatus.RUNNING, KILL - 100, 1, VICTIM));

        assertThat(FailoverScenario.runningAgainAfter(history, VICTIM, KILL)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void journalLineCutShortByTheKillIsSkipped(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("member-1.starts");
        Files.writeString(journal, "t-a 1800000000000\nt-b 1799999999999\nt-c 18000");

        assertThat(FailoverScenario.startedIn(journal)).containsExactlyInAnyOrder("t-a", "t-b");
        assertThat(FailoverScenario.startedIn(dir.resolve("absent"))).isEmpty();
    }

    private static StatusChange change(TaskStatus status, long at, int attempt, String member) {
        return new StatusChange(status, Instant.ofEpochMilli(at), attempt, member);
    }
}
