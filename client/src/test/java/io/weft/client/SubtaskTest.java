package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.result.ResultStatus;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A running task hands its outputs to subtasks; whoever waits for them waits for the subtasks. */
class SubtaskTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.withHandlers("subtasks", 1, Map.of(), GraphHandlers.all());
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void outputDelegatedTwoLevelsDownIsProducedByTheGrandchildAndWaitedForByItsConsumer() throws Exception {
        String session = client.sessions().create("delegation", Map.of()).id();
        String output = client.results().create(session, "out", "text/plain", Duration.ofHours(1)).id();
        Task consumer = client.tasks().submit(session,
                new TaskSpec("concat", "{\"label\":\"read\"}", null, List.of(output), null, null, null));
        Task parent = client.tasks().submit(session,
                new TaskSpec("delegate", "{\"depth\": 2, \"label\": \"leaf\"}", null, null, List.of(output), null, null));

        Task read = client.tasks().await(consumer.id()).get(60, TimeUnit.SECONDS);

        assertThat(read.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(read.output()).isEqualTo("{\"text\":\"leaf,read\"}");
        Task parentDone = client.tasks().get(parent.id()).orElseThrow();
        assertThat(parentDone.status()).as("the parent succeeds without writing the output it handed over")
                .isEqualTo(TaskStatus.SUCCEEDED);
        List<Task> children = client.tasks().children(parent.id());
        assertThat(children).hasSize(1);
        Task child = children.get(0);
        assertThat(child.spec().parentId()).isEqualTo(parent.id());
        List<Task> grandchildren = client.tasks().children(child.id());
        assertThat(grandchildren).hasSize(1);
        Task grandchild = client.tasks().await(grandchildren.get(0).id()).get(30, TimeUnit.SECONDS);
        assertThat(grandchild.spec().parentId()).isEqualTo(child.id());
        assertThat(grandchild.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(client.results().get(output).orElseThrow().ownerTaskId()).isEqualTo(grandchild.id());
        assertThat(client.results().get(output).orElseThrow().status()).isEqualTo(ResultStatus.COMPLETED);
        try (InputStream in = client.results().openDownload(output)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("leaf");
        }
    }

    @Test
    void subtaskWithoutAKeyIsNotDoubledWhenItsParentIsRetried() throws Exception {
        String session = client.sessions().create("retried-parent", Map.of()).id();
        String output = client.results().create(session, "out", "text/plain", Duration.ofHours(1)).id();
        Task parent = client.tasks().submit(session,
                new TaskSpec("delegate", "{\"depth\": 1, \"label\": \"x\"}", null, null, List.of(output), null, null));
        client.tasks().await(parent.id()).get(30, TimeUnit.SECONDS);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                client.results().get(output).orElseThrow().status() == ResultStatus.COMPLETED);
        assertThat(client.tasks().children(parent.id())).hasSize(1);
        String childId = client.tasks().children(parent.id()).get(0).id();
        assertThat(client.tasks().get(childId).orElseThrow().spec().idempotencyKey()).isEqualTo(parent.id() + "/0");
    }
}
