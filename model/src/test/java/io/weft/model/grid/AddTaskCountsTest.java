package io.weft.model.grid;

import static io.weft.model.task.TaskStatus.QUEUED;
import static io.weft.model.task.TaskStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.session.TaskCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddTaskCountsTest {

    @Test
    void changeIsAddedToTheSessionsCounts() {
        RecordingEntry<TaskCounts> entry = new RecordingEntry<>("s-1", new TaskCounts(Map.of(QUEUED, 3L)));

        boolean applied = new AddTaskCounts(new TaskCounts(Map.of(QUEUED, -1L, RUNNING, 1L))).process(entry);

        assertThat(applied).isTrue();
        assertThat(entry.getValue()).isEqualTo(new TaskCounts(Map.of(QUEUED, 2L, RUNNING, 1L)));
    }

    @Test
    void changeArrivingAfterThePurgeRecreatesNothing() {
        RecordingEntry<TaskCounts> purged = new RecordingEntry<>("s-1", null);

        boolean applied = new AddTaskCounts(new TaskCounts(Map.of(RUNNING, 1L))).process(purged);

        assertThat(applied).isFalse();
        assertThat(purged.written()).isFalse();
        assertThat(purged.getValue()).isNull();
    }
}
