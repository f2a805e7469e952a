package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.result.ResultMeta;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import io.weft.store.StoreSettings;
import io.weft.store.testing.TestStores;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result's rows carry its expiry: once it passes, its metadata and bytes leave the database (the
 * grid's own expiry never tells the store) and a restart does not load them back.
 */
class ResultExpiryOnStoreTest {

    @TempDir
    Path dir;

    private final String cluster = "expiry-store-" + UUID.randomUUID().toString().substring(0, 8);
    private WeftNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.shutdown();
        }
    }

    @Test
    void anExpiredResultIsGoneFromTheDatabaseAndNotLoadedAfterARestart() throws Exception {
        StoreSettings store = TestStores.file(dir, 0);
        WeftClient weft = start(store);
        String session = weft.sessions().create("expiring", Map.of()).id();
        ResultMeta result = weft.results().create(session, "short.bin", "application/octet-stream", Duration.ofSeconds(2));
        weft.results().upload(result.id(), new ByteArrayInputStream(new byte[(3 << 20) + 5]));
        assertThat(rows(store, "SELECT count(*) FROM chunks WHERE result_id = ?", result.id())).isEqualTo(4);
        assertThat(rows(store, "SELECT count(*) FROM results WHERE id = ? AND expires_at IS NOT NULL", result.id())).isEqualTo(1);

        Thread.sleep(3_000);
        node.shutdown();
        weft = start(store);

        assertThat(weft.results().get(result.id())).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rows(store, "SELECT count(*) FROM chunks WHERE result_id = ?", result.id())).isZero();
            assertThat(rows(store, "SELECT count(*) FROM results WHERE id = ?", result.id())).isZero();
        });
    }

    private WeftClient start(StoreSettings store) {
        // No tombstone: the metadata expires with the bytes, so both rows are due to go.
        node = WeftNode.start(NodeSettings.builder().clusterName(cluster).members(List.of("127.0.0.1")).metricsPort(0)
                .resultTombstone(Duration.ZERO).store(store).build());
        return WeftClient.embedded(node.hazelcast());
    }

    private static long rows(StoreSettings store, String sql, String id) throws Exception {
        try (Connection connection = DriverManager.getConnection(store.url());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
