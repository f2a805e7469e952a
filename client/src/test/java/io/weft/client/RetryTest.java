package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Backoff;
import io.weft.model.task.ErrorType;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static TestCluster cluster;
    private static WeftClient client;
    private static String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("retry", 1);
        client = cluster.client();
        session = client.sessions().create("retry", Map.of()).id();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void failingTaskIsRetriedWithBackoffThenSucceeds() throws Exception {
        Duration backoff = Duration.ofMillis(100);
        TaskSpec spec = TaskSpec.of("fail", "{\"message\":\"not yet\",\"times\":2}")
                .withOptions(TaskOptions.builder().maxRetries(3).backoff(backoff).build());

        Task submitted = client.tasks().submit(session, spec);
        Task done = client.tasks().await(submitted.id()).get(30, TimeUnit.SECONDS);

        assertThat(done.status()).as("history %s", done.history()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.attempt()).isEqualTo(3);
        assertThat(done.failures()).isEqualTo(2);
        assertThat(done.output()).isEqualTo("{\"attempt\":3}");
        List<StatusChange> retries = TaskHistory.entries(done, TaskStatus.SCHEDULED);
        assertThat(retries).extracting(StatusChange::attempt).containsExactly(2, 3);
        List<StatusChange> runs = TaskHistory.entries(done, TaskStatus.RUNNING);
        assertThat(runs).extracting(StatusChange::attempt).containsExactly(1, 2, 3);
        for (int retry = 1; retry <= 2; retry++) {
            // The n-th retry waits backoff * 2^(n-1), spread by the jitter either way.
            long nominal = backoff.toMillis() << (retry - 1);
            long least = (long) Math.floor(nominal * (1 - Backoff.DEFAULT_JITTER));
            Duration waited = Duration.between(retries.get(retry - 1).at(), runs.get(retry).at());
            assertThat(waited).as("wait before retry %d, history %s", retry, done.history())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(least));
        }
    }

    @Test
    void taskThatNeverSucceedsEndsFailedWithItsLastError() throws Exception {
        TaskSpec spec = TaskSpec.of("fail", "{\"message\":\"always broken\"}")
                .withOptions(TaskOptions.builder().maxRetries(2).backoff(Duration.ofMillis(50)).build());

        Task submitted = client.tasks().submit(session, spec);
        Task done = client.tasks().await(submitted.id()).get(30, TimeUnit.SECONDS);

        assertThat(done.status()).as("history %s", done.history()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.failures()).isEqualTo(3);
        assertThat(done.attempt()).isEqualTo(3);
        assertThat(done.output()).isNull();
        assertThat(done.error()).isNotNull();
        assertThat(done.error().type()).isEqualTo(ErrorType.HANDLER_ERROR);
        assertThat(done.error().exception()).endsWith("IntentionalFailure");
        assertThat(done.error().message()).isEqualTo("always broken");
        assertThat(TaskHistory.entries(done, TaskStatus.RUNNING)).hasSize(3);
        assertThat(TaskHistory.entries(done, TaskStatus.FAILED)).hasSize(1);
    }
}
