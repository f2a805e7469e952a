package io.weft.model.session;

import static io.weft.model.task.TaskFixtures.MEMBER;
import static io.weft.model.task.TaskFixtures.SESSION_ID;
import static io.weft.model.task.TaskFixtures.T0;
import static io.weft.model.task.TaskFixtures.aQueuedTask;
import static io.weft.model.task.TaskFixtures.aRunningTask;
import static io.weft.model.task.TaskFixtures.aScheduledTaskDueIn;
import static io.weft.model.task.TaskFixtures.anEchoSpec;
import static io.weft.model.task.TaskFixtures.at;
import static io.weft.model.task.TaskStatus.CANCELLED;
import static io.weft.model.task.TaskStatus.QUEUED;
import static io.weft.model.task.TaskStatus.RUNNING;
import static io.weft.model.task.TaskStatus.SCHEDULED;
import static io.weft.model.task.TaskStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskCountsTest {

    @Test
    void newTaskCountsOnceInItsInitialStatus() {
        assertThat(TaskCounts.changeOf(aQueuedTask())).isEqualTo(new TaskCounts(Map.of(QUEUED, 1L)));
        assertThat(TaskCounts.changeOf(aScheduledTaskDueIn(Duration.ofMinutes(1))))
                .isEqualTo(new TaskCounts(Map.of(SCHEDULED, 1L)));
    }

    @Test
    void statusChangeMovesOneFromTheOldStatusToTheNew() {
        assertThat(TaskCounts.changeOf(aRunningTask())).isEqualTo(new TaskCounts(Map.of(QUEUED, -1L, RUNNING, 1L)));
        assertThat(TaskCounts.changeOf(aRunningTask().succeed("{}", at(2))))
                .isEqualTo(new TaskCounts(Map.of(RUNNING, -1L, SUCCEEDED, 1L)));
    }

    @Test
    void aWholeLifeSumsToOneInItsLastStatusAndZeroInThoseItPassed() {
        Task created = aQueuedTask();
        Task running = created.claim(MEMBER, at(1));
        Task done = running.succeed("{}", at(2));

        TaskCounts sum = TaskCounts.NONE;
        for (Task step : List.of(created, running, done)) {
            sum = sum.plus(TaskCounts.changeOf(step));
        }

        assertThat(sum.byStatus()).containsExactly(Map.entry(QUEUED, 0L), Map.entry(RUNNING, 0L), Map.entry(SUCCEEDED, 1L));
        assertThat(sum.total()).isEqualTo(1);
        assertThat(sum.get(CANCELLED)).isZero();
    }

    @Test
    void changesOfManyTasksAreSummedPerSession() {
        Task other = Task.create("t-2", "s-2", anEchoSpec(), T0);
        Task third = Task.create("t-3", SESSION_ID, anEchoSpec(), T0).cancel(at(1));

        Map<String, TaskCounts> bySession = TaskCounts.changesBySession(List.of(aQueuedTask(), aRunningTask(), other, third));

        assertThat(bySession).containsOnlyKeys(SESSION_ID, "s-2");
        assertThat(bySession.get(SESSION_ID).byStatus())
                .containsExactly(Map.entry(QUEUED, -1L), Map.entry(RUNNING, 1L), Map.entry(CANCELLED, 1L));
        assertThat(bySession.get("s-2")).isEqualTo(new TaskCounts(Map.of(QUEUED, 1L)));
    }

    @Test
    void countsAreImmutableAndRefuseNulls() {
        Map<TaskStatus, Long> source = new HashMap<>(Map.of(QUEUED, 1L));
        TaskCounts counts = new TaskCounts(source);
        source.put(RUNNING, 5L);

        assertThat(counts.byStatus()).containsOnlyKeys(QUEUED);
        assertThatThrownBy(() -> counts.byStatus().put(RUNNING, 1L)).isInstanceOf(UnsupportedOperationException.class);
        Map<TaskStatus, Long> withNull = new HashMap<>();
        withNull.put(QUEUED, null);
        assertThatThrownBy(() -> new TaskCounts(withNull)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("byStatus[QUEUED]");
    }
}
