package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new QUEUED task is taken by the member that inserted it (the scheduler job is not told of
 * such tasks). The sweep waits an hour here, so nothing else could start them.
 */
class NewTaskDispatchTest {

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("new-dispatch", 2, Map.of("echo", 4), Duration.ofHours(1));
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void newTasksOnEveryMemberRunWithoutTheSweep() throws Exception {
        String session = client.sessions().create("new", Map.of()).id();
        List<Task> submitted = client.tasks().submit(session,
                IntStream.range(0, 200).mapToObj(i -> TaskSpec.of("echo", String.valueOf(i))).toList());
        assertThat(submitted).extracting(t -> cluster.node(0).hazelcast().getPartitionService().getPartition(t.id())
                .getOwner().localMember()).contains(true, false);

        CompletableFuture<?>[] done = submitted.stream().map(t -> client.tasks().await(t.id())).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(done).get(60, TimeUnit.SECONDS);

        assertThat(client.tasks().list(session, TaskStatus.SUCCEEDED)).hasSize(200);
    }
}
