package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.weft.model.InvalidValueException;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing a session's tasks page by page across members, with filters, and reading what changed. */
class TaskListingTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("listing", 2);
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void pagesWalkEveryTaskOnceOldestFirst() {
        String session = client.sessions().create("pages", Map.of()).id();
        List<Task> submitted = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {  // several creation times, many tasks sharing each
            submitted.addAll(client.tasks().submit(session, echoes(50)));
        }
        List<Task> walked = walk(TaskQuery.first(session, 37));

        List<String> expected = submitted.stream()
                .sorted(Comparator.comparing(Task::createdAt).thenComparing(Task::id)).map(Task::id).toList();
        assertThat(walked).extracting(Task::id).containsExactlyElementsOf(expected);
    }

    @Test
    void pagesFilterByStatusAndType() {
        String session = client.sessions().create("filters", Map.of()).id();
        List<Task> echoes = client.tasks().submit(session, echoes(30));
        List<Task> failures = client.tasks().submit(session,
                IntStream.range(0, 7).mapToObj(i -> TaskSpec.of("fail", "{}")
                        .withOptions(TaskOptions.builder().maxRetries(0).build())).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> client.tasks().list(session, null).stream().allMatch(t -> t.status().isTerminal()));

        List<Task> failed = walk(new TaskQuery(session, TaskStatus.FAILED, null, null, null, 3));
        assertThat(failed).extracting(Task::id).containsExactlyInAnyOrderElementsOf(failures.stream().map(Task::id).toList());
        List<Task> echoed = walk(new TaskQuery(session, null, "echo", null, null, 4));
        assertThat(echoed).extracting(Task::id).containsExactlyInAnyOrderElementsOf(echoes.stream().map(Task::id).toList());
        assertThat(walk(new TaskQuery(session, TaskStatus.FAILED, "echo", null, null, 10))).isEmpty();
    }

    @Test
    void changedSinceReturnsOnlyTasksThatChangedAfterThatInstant() throws InterruptedException {
        String session = client.sessions().create("changes", Map.of()).id();
        List<Task> early = client.tasks().submit(session, echoes(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> client.tasks().list(session, null).stream().allMatch(t -> t.status().isTerminal()));
        Thread.sleep(5);  // the change times are to the millisecond
        Instant since = Instant.now();
        List<Task> late = client.tasks().submit(session, echoes(4));

        assertThat(client.tasks().changedSince(session, since)).extracting(Task::id)
                .containsExactlyInAnyOrderElementsOf(late.stream().map(Task::id).toList())
                .doesNotContainAnyElementsOf(early.stream().map(Task::id).toList());
    }

    @Test
    void aHalfPositionIsRefused() {
        assertThatThrownBy(() -> new TaskQuery("s1", null, null, Instant.now(), null, 10))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("afterId");
        assertThatThrownBy(() -> TaskQuery.first("s1", 0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("limit");
    }

    private static List<Task> walk(TaskQuery first) {
        List<Task> all = new ArrayList<>();
        TaskQuery query = first;
        for (int pages = 0; pages < 1_000; pages++) {
            List<Task> page = client.tasks().page(query);
            assertThat(page).hasSizeLessThanOrEqualTo(query.limit());
            all.addAll(page);
            if (page.size() < query.limit()) {
                return all;
            }
            Task last = page.get(page.size() - 1);
            query = new TaskQuery(query.sessionId(), query.status(), query.type(), last.createdAt(), last.id(), query.limit());
        }
        throw new AssertionError("more than 1,000 pages");
    }

    private static List<TaskSpec> echoes(int n) {
        return IntStream.range(0, n).mapToObj(i -> TaskSpec.of("echo", "{\"i\":" + i + "}")).toList();
    }
}
