package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.task.Task;
import io.weft.model.task.TaskEvent;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscribers see every status change of a task, in order, once; a short attempt's start is written
 * together with its outcome, and is still told as a change of its own.
 */
class EventsTest {

    private static TestCluster cluster;
    private static WeftClient client;
    private static WeftClient remote;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("events", 1);
        client = cluster.client();
        remote = WeftClient.connect(cluster.clientConfig());
    }

    @AfterAll
    static void stopCluster() {
        remote.close();
        cluster.close();
    }

    @Test
    void shortTaskTellsItsQueuingStartAndSuccessInOrder() {
        String session = client.sessions().create("events", Map.of()).id();
        List<TaskEvent> seen = new CopyOnWriteArrayList<>();
        try (Events.Subscription ignored = client.events().subscribe(session, seen::add)) {
            Task task = client.tasks().submit(session, TaskSpec.of("echo", "{\"n\":1}"));

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(e -> e.to() == TaskStatus.SUCCEEDED));

            Task done = client.tasks().get(task.id()).orElseThrow();
            assertThat(seen).extracting(TaskEvent::to)
                    .containsExactly(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.SUCCEEDED);
            assertThat(seen).extracting(TaskEvent::sequence).containsExactly(0L, 1L, 2L);
            assertThat(seen.get(1).from()).isEqualTo(TaskStatus.QUEUED);
            assertThat(seen.get(1).time()).isEqualTo(done.startedAt());
        }
    }

    @Test
    void subscriberOfStartsAloneHearsTheStartOfAShortTaskFromAnotherJvm() {
        WeftClient other = remote;
        String session = other.sessions().create("events", Map.of()).id();
        List<TaskEvent> starts = new CopyOnWriteArrayList<>();
        try (Events.Subscription ignored = other.events().subscribe(session, EnumSet.of(TaskStatus.RUNNING), starts::add)) {
            List<Task> tasks = other.tasks().submit(session, List.of(TaskSpec.of("echo", "{}"), TaskSpec.of("echo", "{}")));

            await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 2);

            assertThat(starts).extracting(TaskEvent::taskId)
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Task::id).toList());
            assertThat(starts).allSatisfy(e -> assertThat(e.to()).isEqualTo(TaskStatus.RUNNING));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> starts.size() == 2);
        }
    }

    @Test
    void subscriberOfEndsAloneHearsEachEndOnceAndNothingElse() {
        String session = client.sessions().create("events", Map.of()).id();
        List<TaskEvent> ends = new CopyOnWriteArrayList<>();
        try (Events.Subscription ignored = client.events().subscribe(session,
                EnumSet.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELLED), ends::add)) {
            List<Task> tasks = client.tasks().submit(session, List.of(TaskSpec.of("echo", "{}"), TaskSpec.of("echo", "{}")));
            Task delayed = client.tasks().submit(session, TaskSpec.of("echo", "{}")
                    .withOptions(TaskOptions.builder().delay(Duration.ofMinutes(5)).build()));
            client.tasks().cancel(delayed.id());

            await().atMost(Duration.ofSeconds(10)).until(() -> ends.size() >= 3);

            assertThat(ends).extracting(TaskEvent::taskId)
                    .containsExactlyInAnyOrder(tasks.get(0).id(), tasks.get(1).id(), delayed.id());
            assertThat(ends).filteredOn(e -> e.taskId().equals(delayed.id())).extracting(TaskEvent::to)
                    .containsExactly(TaskStatus.CANCELLED);
            assertThat(ends).filteredOn(e -> !e.taskId().equals(delayed.id())).extracting(TaskEvent::to)
                    .containsOnly(TaskStatus.SUCCEEDED);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> ends.size() == 3);
        }
    }
}
