package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DelayedTaskTest {

    /** How late past its due time a delayed task may start. */
    private static final Duration START_WINDOW = Duration.ofMillis(200);

    private static TestCluster cluster;
    private static WeftClient client;
    private static String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("delayed", 1);
        client = cluster.client();
        session = client.sessions().create("delayed", Map.of()).id();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void delayedTaskStartsNoEarlierThanItsTimeAndWithin200ms() throws Exception {
        TaskSpec spec = TaskSpec.of("echo", "{\"delayed\":true}")
                .withOptions(TaskOptions.builder().delay(Duration.ofSeconds(2)).build());

        Task submitted = client.tasks().submit(session, spec);

        assertStartsInItsWindow(submitted);
    }

    @Test
    void taskWithRunAtStartsNoEarlierThanThatInstantAndWithin200ms() throws Exception {
        Instant runAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        TaskSpec spec = TaskSpec.of("echo", "{\"runAt\":true}")
                .withOptions(TaskOptions.builder().runAt(runAt).build());

        Task submitted = client.tasks().submit(session, spec);

        assertThat(submitted.dueAt()).isEqualTo(runAt);
        assertStartsInItsWindow(submitted);
    }

    private static void assertStartsInItsWindow(Task submitted) throws Exception {
        assertThat(submitted.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(client.tasks().get(submitted.id()).orElseThrow().status()).isEqualTo(TaskStatus.SCHEDULED);

        Task done = client.tasks().await(submitted.id()).get(30, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        Instant dueAt = done.dueAt();
        Instant startedAt = TaskHistory.firstRunningAt(done);
        assertThat(startedAt).as("started at, history %s", done.history())
                .isAfterOrEqualTo(dueAt)
                .isBeforeOrEqualTo(dueAt.plus(START_WINDOW));
    }
}
