package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    @Test
    void attemptPastItsTimeoutFailsWithTimeout() throws Exception {
        try (TestCluster cluster = TestCluster.of("timeout", 1)) {
            WeftClient client = cluster.client();
            String session = client.sessions().create("timeout", Map.of()).id();
            TaskSpec spec = TaskSpec.of("sleep", "{\"ms\":5000}")
                    .withOptions(TaskOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build());

            Task submitted = client.tasks().submit(session, spec);
            // Well before the 5 s the handler would sleep: the timeout interrupted it.
            Task done = client.tasks().await(submitted.id()).get(3, TimeUnit.SECONDS);

            assertThat(done.status()).as("history %s", done.history()).isEqualTo(TaskStatus.FAILED);
            assertThat(done.error().type()).isEqualTo(ErrorType.TIMEOUT);
            assertThat(done.attempt()).isEqualTo(1);
            assertThat(done.failures()).isEqualTo(1);
            assertThat(Duration.between(done.startedAt(), done.endedAt())).isLessThan(Duration.ofSeconds(3));
            assertThat(cluster.node(0).runningAttempts().count()).isZero();
        }
    }
}
