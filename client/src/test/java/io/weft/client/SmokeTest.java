package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void echoTaskSucceedsWithItsInputAsOutput() throws Exception {
        try (TestCluster cluster = TestCluster.of("smoke", 1)) {
            WeftClient client = cluster.client();
            String session = client.sessions().create("smoke", Map.of()).id();
            Task task = client.tasks().submit(session, TaskSpec.of("echo", "{\"x\":1}"));
            Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"x\":1}");
        }
    }
}
