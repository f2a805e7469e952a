package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("idempotency", 1);
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void repeatedKeyInASessionReturnsTheFirstTask() {
        String session = client.sessions().create("idem", Map.of()).id();
        // Delayed, so both submits meet the task in the same state.
        TaskOptions later = TaskOptions.builder().delay(Duration.ofMinutes(5)).build();

        Task first = client.tasks().submit(session, TaskSpec.of("echo", "{\"n\":1}").withOptions(later).withIdempotencyKey("k1"));
        Task second = client.tasks().submit(session, TaskSpec.of("echo", "{\"n\":2}").withOptions(later).withIdempotencyKey("k1"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.spec().input()).isEqualTo("{\"n\":1}");
        assertThat(second.history()).isEqualTo(first.history());
        assertThat(client.tasks().list(session, null)).extracting(Task::id).containsExactly(first.id());
    }

    @Test
    void sameKeyInAnotherSessionMakesAnotherTask() {
        String one = client.sessions().create("idem-one", Map.of()).id();
        String other = client.sessions().create("idem-other", Map.of()).id();

        Task inOne = client.tasks().submit(one, TaskSpec.of("echo", "{}").withIdempotencyKey("shared"));
        Task inOther = client.tasks().submit(other, TaskSpec.of("echo", "{}").withIdempotencyKey("shared"));

        assertThat(inOther.id()).isNotEqualTo(inOne.id());
        assertThat(inOther.sessionId()).isEqualTo(other);
        assertThat(client.tasks().list(one, null)).extracting(Task::id).containsExactly(inOne.id());
        assertThat(client.tasks().list(other, null)).extracting(Task::id).containsExactly(inOther.id());
    }
}
