package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.QuotaExceededException;
import io.weft.model.result.ResultLimits;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads are held to the largest object size and the session quota that the nodes were given. */
class ResultLimitsTest {

    private static final int MIB = 1 << 20;
    private static final long MAX_RESULT_BYTES = 3L * MIB;
    private static final long SESSION_QUOTA_BYTES = 5L * MIB;

    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.tuned("limits", 1,
                settings -> settings.maxResultBytes(MAX_RESULT_BYTES).sessionQuotaBytes(SESSION_QUOTA_BYTES));
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void nodesPublishTheirLimitsForEveryClient() {
        assertThat(client.results().limits())
                .isEqualTo(new ResultLimits(MAX_RESULT_BYTES, SESSION_QUOTA_BYTES, ResultLimits.DEFAULT_TOMBSTONE));
    }

    @Test
    void uploadPastTheLargestObjectIsRefusedAndLeavesTheResultCreatedWithoutChunks() {
        String session = aSession();
        ResultMeta meta = client.results().create(session, "big.bin", null, Duration.ofHours(1));

        assertThatThrownBy(() -> client.results().upload(meta.id(), new ByteArrayInputStream(new byte[4 * MIB])))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(QuotaExceededException.Limit.MAX_RESULT_BYTES);
                    assertThat(e.limitBytes()).isEqualTo(MAX_RESULT_BYTES);
                    assertThat(e.wouldBeBytes()).isGreaterThan(MAX_RESULT_BYTES);
                })
                .hasMessageContaining("largest object size of " + MAX_RESULT_BYTES + " bytes");

        assertThat(client.results().get(meta.id()).orElseThrow().status()).isEqualTo(ResultStatus.CREATED);
        assertThat(chunkCountOf(meta.id())).isZero();
        assertThat(client.results().upload(meta.id(), new ByteArrayInputStream(new byte[(int) MAX_RESULT_BYTES])).size())
                .as("an object of exactly the largest size is taken").isEqualTo(MAX_RESULT_BYTES);
    }

    @Test
    void uploadThatWouldPassTheSessionQuotaIsRefusedUntilSpaceIsFreed() {
        String session = aSession();
        ResultMeta first = upload(session, 3 * MIB);
        upload(session, 2 * MIB);
        assertThat(client.results().usage(session)).isEqualTo(SESSION_QUOTA_BYTES);
        ResultMeta third = client.results().create(session, "one-byte-too-many.bin", null, Duration.ofHours(1));

        assertThatThrownBy(() -> client.results().upload(third.id(), new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(QuotaExceededException.Limit.SESSION_QUOTA_BYTES);
                    assertThat(e.wouldBeBytes()).isEqualTo(SESSION_QUOTA_BYTES + 1);
                })
                .hasMessageContaining("over its quota of " + SESSION_QUOTA_BYTES + " bytes");
        assertThat(client.results().get(third.id()).orElseThrow().status()).isEqualTo(ResultStatus.CREATED);

        client.results().delete(first.id());

        assertThat(client.results().upload(third.id(), new ByteArrayInputStream(new byte[MIB])).status())
                .isEqualTo(ResultStatus.COMPLETED);
        assertThat(client.results().usage(session)).isEqualTo(3L * MIB);
    }

    @Test
    void quotaIsCheckedAgainWhenAnUploadCompletes() throws Exception {
        String session = aSession();
        ResultMeta slow = client.results().create(session, "slow.bin", null, Duration.ofHours(1));
        ResultOutputStream out = client.results().openUpload(slow.id());
        out.write(new byte[3 * MIB]);

        upload(session, 3 * MIB);

        assertThatThrownBy(out::close).isInstanceOfSatisfying(QuotaExceededException.class,
                e -> assertThat(e.wouldBeBytes()).isEqualTo(6L * MIB));
        assertThat(client.results().get(slow.id()).orElseThrow().status()).isEqualTo(ResultStatus.CREATED);
        assertThat(chunkCountOf(slow.id())).as("the refused upload's chunks are removed").isZero();
        assertThat(client.results().usage(session)).isEqualTo(3L * MIB);
    }

    private static String aSession() {
        return client.sessions().create("limits", Map.of()).id();
    }

    private static ResultMeta upload(String session, int size) {
        ResultMeta meta = client.results().create(session, "r.bin", null, Duration.ofHours(1));
        return client.results().upload(meta.id(), new ByteArrayInputStream(new byte[size]));
    }

    private static long chunkCountOf(String resultId) {
        IMap<String, byte[]> chunks = cluster.node(0).hazelcast().getMap(GridNames.CHUNKS);
        return IntStream.range(0, 8).filter(i -> chunks.containsKey(ChunkKey.of(resultId, i))).count();
    }
}
