package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultExpiredException;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results expire at their TTL: bytes gone, then "expired" for the tombstone, then unknown. */
class ResultExpiryTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration TOMBSTONE = Duration.ofSeconds(4);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SIZE = (2 << 20) + (1 << 19);

    private static TestCluster cluster;
    private static WeftClient client;
    private static String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.tuned("expiry", 1, settings -> settings.resultTombstone(TOMBSTONE));
        client = cluster.client();
        session = client.sessions().create("expiry", Map.of()).id();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void expiredResultReadsAsExpiredNotMissing() {
        ResultMeta meta = aCompletedResultThatExpiresSoon();

        await().atMost(PATIENCE).until(() -> isExpired(meta.id()));

        assertThatThrownBy(() -> client.results().get(meta.id())).isInstanceOf(ResultExpiredException.class)
                .hasMessage("result " + meta.id() + " expired at " + meta.expiresAt());
        assertThatThrownBy(() -> client.results().openDownload(meta.id())).isInstanceOf(ResultExpiredException.class);
        // The grid keeps expiration times to the second: the bytes go within one of the result's expiry.
        await().atMost(Duration.ofSeconds(5)).until(() ->
                IntStream.range(0, 3).noneMatch(i -> chunks().containsKey(ChunkKey.of(meta.id(), i))));
    }

    @Test
    void expiredResultIsUnknownOnceItsTombstoneGoes() {
        ResultMeta meta = aCompletedResultThatExpiresSoon();

        await().atMost(PATIENCE).until(() -> isExpired(meta.id()));
        await().atMost(PATIENCE).until(() -> client.hazelcast().getMap(GridNames.RESULTS).get(meta.id()) == null);

        assertThat(client.results().get(meta.id())).isEmpty();
        assertThatThrownBy(() -> client.results().openDownload(meta.id()))
                .isInstanceOf(NoSuchElementException.class).isNotInstanceOf(ResultExpiredException.class)
                .hasMessage("no result " + meta.id());
    }

    @Test
    void handlerReadingAnExpiredResultFailsWithTheExpiredError() throws Exception {
        ResultMeta meta = aCompletedResultThatExpiresSoon();
        await().atMost(PATIENCE).until(() -> isExpired(meta.id()));

        Task task = client.tasks().submit(session, TaskSpec.of("checksum", "{\"result\":\"" + meta.id() + "\"}")
                .withOptions(TaskOptions.builder().maxRetries(0).build()));
        Task done = client.tasks().await(task.id()).get(60, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.error().exception()).isEqualTo(ResultExpiredException.class.getName());
        assertThat(done.error().message()).contains("expired at " + meta.expiresAt());
    }

    @Test
    void expiredCreatedResultTakesNoUpload() {
        ResultMeta meta = client.results().create(session, "late.bin", null, TTL);
        await().atMost(PATIENCE).until(() -> isExpired(meta.id()));

        assertThatThrownBy(() -> client.results().upload(meta.id(), new ByteArrayInputStream(new byte[10])))
                .isInstanceOf(ResultExpiredException.class);
    }

    @Test
    void expiredResultsNoLongerCountAgainstTheSessionQuota() {
        String own = client.sessions().create("expiry-usage", Map.of()).id();
        ResultMeta meta = client.results().create(own, "counted.bin", null, TTL);
        client.results().upload(meta.id(), new ByteArrayInputStream(new byte[SIZE]));
        assertThat(client.results().usage(own)).isEqualTo(SIZE);

        await().atMost(PATIENCE).until(() -> isExpired(meta.id()));

        assertThat(client.results().usage(own)).isZero();
    }

    private static ResultMeta aCompletedResultThatExpiresSoon() {
        byte[] data = new byte[SIZE];
        new Random(9).nextBytes(data);
        ResultMeta meta = client.results().create(session, "short-lived.bin", null, TTL);
        return client.results().upload(meta.id(), new ByteArrayInputStream(data));
    }

    private static boolean isExpired(String resultId) {
        try {
            client.results().get(resultId);
            return false;
        } catch (ResultExpiredException e) {
            return true;
        }
    }

    private static IMap<String, byte[]> chunks() {
        return client.hazelcast().getMap(GridNames.CHUNKS);
    }
}
