package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A task with inputs runs on the member that owns its largest input. */
class LocalityTest {

    private static final int TASKS = 8;

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.withHandlers("locality", 3, Map.of(), GraphHandlers.all());
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void taskRunsOnTheMemberThatOwnsItsLargestInput() throws Exception {
        String session = client.sessions().create("locality", Map.of()).id();
        List<Task> submitted = new ArrayList<>();
        List<String> largest = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String small = upload(session, 10);
            String big = upload(session, 10_000);
            largest.add(big);
            submitted.add(client.tasks().submit(session,
                    new TaskSpec("concat", "{}", null, List.of(small, big), null, null, null)));
        }

        for (int i = 0; i < TASKS; i++) {
            Task done = client.tasks().await(submitted.get(i).id()).get(60, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
            String owner = cluster.node(0).hazelcast().getPartitionService().getPartition(largest.get(i))
                    .getOwner().getUuid().toString();
            assertThat(done.worker()).as("task %d ran where its largest input lives", i).isEqualTo(owner);
        }
    }

    private static String upload(String session, int bytes) {
        String id = client.results().create(session, "in", "application/octet-stream", Duration.ofHours(1)).id();
        client.results().upload(id, new ByteArrayInputStream(new byte[bytes]));
        return id;
    }
}
