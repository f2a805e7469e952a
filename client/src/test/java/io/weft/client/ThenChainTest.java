package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.Ids;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code then} option: a follow-up task submitted when a task succeeds, fed its output. */
class ThenChainTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void start() {
        cluster = TestCluster.of("then", 1);
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void succeededTaskSubmitsItsFollowUpWithItsOutputAsInput() throws Exception {
        String session = client.sessions().create("then-ok", Map.of()).id();
        Task first = client.tasks().submit(session, TaskSpec.of("echo", "{\"x\":1}")
                .withOptions(TaskOptions.builder().then("{\"type\":\"echo\",\"options\":{\"priority\":8}}").build()));

        assertThat(client.tasks().await(first.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        Task next = client.tasks().await(onlyChildOf(first.id()).id()).get(30, TimeUnit.SECONDS);

        assertThat(next.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(next.type()).isEqualTo("echo");
        assertThat(next.spec().input()).isEqualTo("{\"x\":1}");
        assertThat(next.output()).isEqualTo("{\"x\":1}");
        assertThat(next.spec().options().priority()).isEqualTo(8);
        assertThat(next.spec().parentId()).isEqualTo(first.id());
        // Keyed by the finished task, so a repeated completion lands on this same task.
        assertThat(next.spec().idempotencyKey()).isEqualTo("then:" + first.id());
        assertThat(next.id()).isEqualTo(Ids.idempotentTaskId(session, "then:" + first.id()));
    }

    @Test
    void nestedFollowUpsRunAsAChain() throws Exception {
        String session = client.sessions().create("then-chain", Map.of()).id();
        Task first = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":1}").withOptions(TaskOptions.builder()
                .then("{\"type\":\"echo\",\"options\":{\"then\":{\"type\":\"echo\"}}}").build()));

        Task second = client.tasks().await(awaitChild(first.id()).id()).get(30, TimeUnit.SECONDS);
        Task third = client.tasks().await(awaitChild(second.id()).id()).get(30, TimeUnit.SECONDS);

        assertThat(third.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(third.output()).isEqualTo("{\"slept\":1}");
    }

    @Test
    void failedTaskSubmitsNoFollowUp() throws Exception {
        String session = client.sessions().create("then-failed", Map.of()).id();
        Task failing = client.tasks().submit(session, TaskSpec.of("fail", "{}")
                .withOptions(TaskOptions.builder().maxRetries(0).then("{\"type\":\"echo\"}").build()));
        assertThat(client.tasks().await(failing.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.FAILED);
        // A marker started after the failure, whose follow-up must appear: by then the failed task's
        // completion has long been handled, and a follow-up of it would be there too.
        Task marker = client.tasks().submit(session, TaskSpec.of("echo", "1")
                .withOptions(TaskOptions.builder().then("{\"type\":\"echo\"}").build()));
        awaitChild(marker.id());

        assertThat(client.tasks().children(failing.id())).isEmpty();
    }

    private static Task onlyChildOf(String taskId) throws InterruptedException {
        Task child = awaitChild(taskId);
        assertThat(client.tasks().children(taskId)).hasSize(1);
        return child;
    }

    /** The follow-up is submitted just after its parent's outcome is written: wait for it, bounded. */
    private static Task awaitChild(String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Task> children = client.tasks().children(taskId);
            if (!children.isEmpty()) {
                return children.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + taskId + " got no follow-up within 30 s");
    }
}
