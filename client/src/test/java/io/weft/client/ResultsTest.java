package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.Json;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static final int FIVE_MIB = 5 << 20;

    private static TestCluster cluster;
    private static WeftClient client;
    private static String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("results", 1);
        client = cluster.client();
        session = client.sessions().create("results", Map.of()).id();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void uploadedResultIsCompletedWithItsSizeAndChecksumAndDownloadsTheSameBytes() throws Exception {
        byte[] data = randomBytes(FIVE_MIB, 42);
        ResultMeta created = client.results().create(session, "data.bin", "application/octet-stream", Duration.ofHours(1));
        assertThat(created.status()).isEqualTo(ResultStatus.CREATED);

        ResultMeta completed = client.results().upload(created.id(), new ByteArrayInputStream(data));

        assertThat(completed.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(completed.size()).isEqualTo(FIVE_MIB);
        assertThat(completed.sha256()).isEqualTo(sha256(data));
        assertThat(client.results().get(created.id())).contains(completed);
        try (InputStream in = client.results().openDownload(created.id())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void checksumTaskReadsTheResultAndOutputsItsSha256() throws Exception {
        byte[] data = randomBytes(FIVE_MIB, 7);
        ResultMeta meta = client.results().create(session, "checked.bin", null, Duration.ofHours(1));
        client.results().upload(meta.id(), new ByteArrayInputStream(data));

        Task task = client.tasks().submit(session, TaskSpec.of("checksum", "{\"result\":\"" + meta.id() + "\"}"));
        Task done = client.tasks().await(task.id()).get(60, TimeUnit.SECONDS);

        assertThat(done.status()).as("error %s", done.error()).isEqualTo(TaskStatus.SUCCEEDED);
        var output = Json.parse(done.output());
        assertThat(output.path("sha256").asText()).isEqualTo(sha256(data));
        assertThat(output.path("size").asLong()).isEqualTo(FIVE_MIB);
    }

    @Test
    void completedResultRefusesASecondUpload() {
        byte[] data = randomBytes(1024, 1);
        ResultMeta meta = client.results().create(session, "once.bin", null, Duration.ofHours(1));
        ResultMeta completed = client.results().upload(meta.id(), new ByteArrayInputStream(data));

        assertThatThrownBy(() -> client.results().upload(meta.id(), new ByteArrayInputStream(randomBytes(1024, 2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COMPLETED");
        assertThat(client.results().get(meta.id())).contains(completed);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
