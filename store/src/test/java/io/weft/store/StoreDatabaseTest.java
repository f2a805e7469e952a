package io.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.store.testing.TestStores;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store that cannot be used says so in one line that names it and never shows its password. */
class StoreDatabaseTest {

    @Test
    void aServerThatIsNotThereIsOneClearError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StoreSettings settings = TestStores.postgresAt("jdbc:postgresql://127.0.0.1:" + port + "/weft", "weft",
                "s3cret-pw", 0);
        assertThatThrownBy(() -> StoreDatabase.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + port + "/weft")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aWrongPasswordIsOneClearError() {
        TestStores.postgres("reachable", 0);
        StoreSettings settings = TestStores.postgresAt(TestStores.serverUrl(), TestStores.user(), "not-the-password", 0);
        assertThatThrownBy(() -> StoreDatabase.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(TestStores.serverUrl())
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aMissingDatabaseIsOneClearError() {
        TestStores.postgres("reachable", 0);
        String url = TestStores.serverUrl().substring(0, TestStores.serverUrl().lastIndexOf('/') + 1) + "no_such_db";
        assertThatThrownBy(() -> StoreDatabase.open(TestStores.postgresAt(url, TestStores.user(), TestStores.password(), 0)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("no_such_db")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aPasswordInTheUrlIsLeftOutOfWhatIsShown() {
        StoreSettings settings = new StoreSettings(StoreKind.POSTGRES,
                "jdbc:postgresql://127.0.0.1:1/weft?user=weft&password=hunter2", null, null, 0, 10, null);
        assertThat(settings.safeUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/weft?user=weft&password=***");
        assertThat(settings.describe()).doesNotContain("hunter2");
    }

    @Test
    void aLoneNodeKeepsItsDataInAFileUnlessToldOtherwise() {
        assertThat(StoreSettings.fromEnvironment(Map.of(), true).kind()).isEqualTo(StoreKind.FILE);
        assertThat(StoreSettings.fromEnvironment(Map.of(), true).url()).isEqualTo("jdbc:sqlite:weft-data/weft.db");
        assertThat(StoreSettings.fromEnvironment(Map.of(), false).kind()).isEqualTo(StoreKind.MEMORY);
        assertThat(StoreSettings.fromEnvironment(Map.of("WEFT_STORE", "memory"), true).kind()).isEqualTo(StoreKind.MEMORY);
        assertThatThrownBy(() -> StoreSettings.fromEnvironment(Map.of("WEFT_STORE", "mongo"), true))
                .hasMessageContaining("WEFT_STORE must be memory, file or postgres");
        assertThatThrownBy(() -> StoreSettings.fromEnvironment(Map.of("WEFT_STORE", "postgres"), false))
                .hasMessageContaining("WEFT_STORE_URL");
    }
}
