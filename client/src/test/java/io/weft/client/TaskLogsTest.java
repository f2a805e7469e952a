package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.logs.LogLine;
import io.weft.model.logs.TaskLog;
import io.weft.model.logs.TaskLogLines;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Log lines written through the task context are kept with the task, bounded, and streamed per session. */
class TaskLogsTest {

    private static final int LIMIT = 5;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestCluster cluster;
    private static WeftClient client;

    /** Writes {@code lines} log lines, "line 0", "line 1", …. */
    static final class Chatty implements TaskHandler {
        @Override
        public TaskType type() {
            return TaskType.of("chatty", "Writes log lines.", "{\"type\": \"object\"}", "{}");
        }

        @Override
        public JsonNode handle(TaskContext context) {
            int lines = context.input().path("lines").asInt();
            for (int i = 0; i < lines; i++) {
                context.log("line " + i);
            }
            return null;
        }
    }

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.tuned("task-logs", 1, List.of(new Chatty()), settings -> settings.taskLogLines(LIMIT));
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    private static Task runChatty(String session, int lines) {
        Task task = client.tasks().submit(session, TaskSpec.of("chatty", "{\"lines\": " + lines + "}"));
        await().atMost(WAIT).until(() -> client.tasks().get(task.id()).orElseThrow().status() == TaskStatus.SUCCEEDED);
        return task;
    }

    private static TaskLog logOf(Task task, int expectedNext) {
        await().atMost(WAIT).until(() -> client.logs().of(task.id()).map(TaskLog::next).orElse(0L) == expectedNext);
        return client.logs().of(task.id()).orElseThrow();
    }

    @Test
    void linesAHandlerWritesAreKeptWithTheTaskInOrder() {
        Task task = runChatty(client.sessions().create("logs", Map.of()).id(), 3);

        TaskLog log = logOf(task, 3);

        assertThat(log.lines()).extracting(LogLine::text).containsExactly("line 0", "line 1", "line 2");
        assertThat(log.lines()).extracting(LogLine::sequence).containsExactly(0L, 1L, 2L);
        assertThat(log.lines()).allMatch(line -> line.attempt() == 1);
        assertThat(log.sessionId()).isEqualTo(task.sessionId());
    }

    @Test
    void pastTheLimitOnlyTheLatestLinesAreKept() {
        Task task = runChatty(client.sessions().create("long-logs", Map.of()).id(), 12);

        TaskLog log = logOf(task, 12);

        assertThat(log.lines()).extracting(LogLine::text).containsExactly("line 7", "line 8", "line 9", "line 10", "line 11");
        assertThat(log.dropped()).isEqualTo(7);
    }

    @Test
    void linesAreStreamedToTheSubscribersOfTheirSessionOnly() {
        String session = client.sessions().create("streamed", Map.of()).id();
        String other = client.sessions().create("quiet", Map.of()).id();
        List<TaskLogLines> seen = new CopyOnWriteArrayList<>();
        List<TaskLogLines> seenElsewhere = new CopyOnWriteArrayList<>();
        try (Events.Subscription mine = client.logs().subscribe(session, seen::add);
             Events.Subscription theirs = client.logs().subscribe(other, seenElsewhere::add)) {
            Task task = runChatty(session, 3);

            await().atMost(WAIT).until(() -> seen.stream().mapToInt(batch -> batch.lines().size()).sum() == 3);
            assertThat(seen).allMatch(batch -> batch.taskId().equals(task.id()));
            assertThat(seen.stream().flatMap(batch -> batch.lines().stream()).map(LogLine::text))
                    .containsExactly("line 0", "line 1", "line 2");
            assertThat(seenElsewhere).isEmpty();
        }
    }

    @Test
    void purgingTheSessionRemovesItsTasksLogs() {
        String session = client.sessions().create("purged", Map.of()).id();
        Task task = runChatty(session, 2);
        logOf(task, 2);

        client.sessions().purge(session);

        assertThat(client.logs().of(task.id())).isEmpty();
    }
}
