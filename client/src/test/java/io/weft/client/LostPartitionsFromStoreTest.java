package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.store.StoreSettings;
import io.weft.store.testing.TestStores;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two of three members die at once, faster than their backups can be promoted, so the grid loses
 * partitions with their backups: with a store under it, the survivor reloads them and nothing is
 * lost: every task is found, and a result's bytes come back whole.
 */
class LostPartitionsFromStoreTest {

    private static final int TASKS = 2_000;

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void partitionsLostWithTheirBackupsComeBackFromTheStore() throws Exception {
        StoreSettings store = TestStores.postgres("lost_partitions", 0);
        cluster = TestCluster.tuned("lost-partitions", 3, settings -> settings.store(store));
        WeftClient weft = cluster.client();
        String session = weft.sessions().create("kept", Map.of()).id();
        List<TaskSpec> later = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            later.add(TaskSpec.of("echo", "{\"i\": " + i + "}").withOptions(TaskOptions.builder().delay(Duration.ofHours(1)).build()));
        }
        List<Task> submitted = weft.tasks().submit(session, later);
        ResultMeta result = weft.results().create(session, "data.bin", "application/octet-stream", Duration.ofHours(1));
        byte[] data = new byte[5 << 20];
        new Random(3).nextBytes(data);
        weft.results().upload(result.id(), new ByteArrayInputStream(data));

        Thread second = new Thread(() -> cluster.node(2).terminate());
        second.start();
        cluster.node(1).terminate();
        second.join();

        WeftClient survivor = WeftClient.embedded(cluster.node(0).hazelcast());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(submitted.stream().filter(t -> survivor.tasks().get(t.id()).isEmpty()).count())
                        .as("tasks the survivor cannot find").isZero());
        assertThat(survivor.sessions().get(session)).isPresent();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(data);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            try (InputStream in = survivor.results().openDownload(result.id())) {
                assertThat(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())).isEqualTo(expected);
            }
        });
    }
}
