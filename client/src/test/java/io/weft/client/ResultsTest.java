package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.IMap;
import io.weft.model.Json;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static final int MIB = 1 << 20;
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

    /**
     * A client's first read of a published setting may need its Compact schema from the cluster: it
     * must not wait for it on the thread that answers the read (where it would wait forever).
     */
    @Test
    void freshClientsFirstUploadCompletes() throws Exception {
        ResultMeta meta = client.results().create(session, "first.bin", null, Duration.ofHours(1));

        try (WeftClient fresh = WeftClient.connect(cluster.clientConfig())) {
            ResultMeta done = CompletableFuture.supplyAsync(() -> fresh.results().upload(meta.id(),
                    new ByteArrayInputStream(new byte[] {1, 2, 3}))).get(30, TimeUnit.SECONDS);

            assertThat(done.status()).isEqualTo(ResultStatus.COMPLETED);
            assertThat(done.size()).isEqualTo(3);
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

    @Test
    void deletedResultLosesItsMetadataAndEveryChunk() {
        ResultMeta meta = client.results().create(session, "doomed.bin", null, Duration.ofHours(1));
        client.results().upload(meta.id(), new ByteArrayInputStream(randomBytes(3 * MIB + MIB / 2, 3)));
        assertThat(chunksOf(meta.id(), 6)).containsExactly(0, 1, 2, 3);

        assertThat(client.results().delete(meta.id())).isTrue();

        assertThat(client.results().get(meta.id())).isEmpty();
        assertThat(chunksOf(meta.id(), 6)).isEmpty();
        assertThatThrownBy(() -> client.results().openDownload(meta.id())).isInstanceOf(NoSuchElementException.class);
        assertThat(client.results().delete(meta.id())).as("a second delete finds nothing").isFalse();
    }

    @Test
    void deleteRemovesTheChunksOfAnAbandonedUploadThatTheMetadataNeverCounted() throws Exception {
        ResultMeta meta = client.results().create(session, "abandoned.bin", null, Duration.ofHours(1));
        // A writer that dies midway: chunks in the grid, the result CREATED with a chunk count of 0.
        ResultOutputStream out = client.results().openUpload(meta.id());
        out.write(randomBytes(40 * MIB + 5, 4));
        assertThat(client.results().get(meta.id()).orElseThrow().chunkCount()).isZero();
        assertThat(chunksOf(meta.id(), 42)).hasSize(40);

        assertThat(client.results().delete(meta.id())).isTrue();

        assertThat(chunksOf(meta.id(), 42)).isEmpty();
        assertThat(client.results().get(meta.id())).isEmpty();
    }

    @Test
    void deleteOfAnUnknownResultChangesNothingAndSaysSo() {
        assertThat(client.results().delete("r-nosuch")).isFalse();
        assertThatThrownBy(() -> client.results().delete("no/such")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resultId");
    }

    @Test
    void uploadThatBreaksMidwayLeavesTheResultCreatedWithoutChunksAndCanStartOver() throws Exception {
        ResultMeta meta = client.results().create(session, "retried.bin", null, Duration.ofHours(1));
        byte[] data = randomBytes(FIVE_MIB, 5);

        assertThatThrownBy(() -> client.results().upload(meta.id(), new BreaksAfter(data, 2 * MIB + MIB / 2)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("stays CREATED");

        assertThat(client.results().get(meta.id()).orElseThrow().status()).isEqualTo(ResultStatus.CREATED);
        assertThat(chunksOf(meta.id(), 4)).as("the partial chunks are removed").isEmpty();

        ResultMeta completed = client.results().upload(meta.id(), new ByteArrayInputStream(data));
        assertThat(completed.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(completed.sha256()).isEqualTo(sha256(data));
        try (InputStream in = client.results().openDownload(meta.id())) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(data));
        }
    }

    /** The indexes below {@code upTo} that have a chunk of {@code resultId} in the grid. */
    private static List<Integer> chunksOf(String resultId, int upTo) {
        IMap<String, byte[]> chunks = cluster.node(0).hazelcast().getMap(GridNames.CHUNKS);
        return IntStream.range(0, upTo).filter(i -> chunks.containsKey(ChunkKey.of(resultId, i)))
                .boxed().toList();
    }

    /** A source that gives {@code data} up to {@code breakAt} bytes, then fails as a dropped connection would. */
    private static final class BreaksAfter extends InputStream {
        private final byte[] data;
        private final int breakAt;
        private int position;

        BreaksAfter(byte[] data, int breakAt) {
            this.data = data;
            this.breakAt = breakAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= breakAt) {
                throw new IOException("connection reset by the test");
            }
            int n = Math.min(len, breakAt - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
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
