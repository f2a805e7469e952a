package io.weft.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.weft.model.grid.GridNames;
import io.weft.model.result.ResultLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLimitsPlanTest {

    private static final long GIB = 1L << 30;

    @Test
    void packagedYamlGivesTheDocumentedDefaults() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of());

        ResultLimits limits = ResultLimitsPlan.resolve(settings, MemberConfigFactory.create(settings, List.of()));

        assertThat(limits).isEqualTo(ResultLimits.DEFAULTS);
        assertThat(limits.maxResultBytes()).isEqualTo(4 * GIB);
        assertThat(limits.sessionQuotaBytes()).isEqualTo(64 * GIB);
        assertThat(limits.tombstone()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void environmentWinsOverTheYaml() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of("WEFT_MAX_RESULT_BYTES", "512MiB",
                "WEFT_SESSION_QUOTA_BYTES", "1073741824", "WEFT_RESULT_TOMBSTONE", "PT10M"));
        Config yaml = withProperties(Map.of(ResultLimitsPlan.MAX_BYTES, "1GiB", ResultLimitsPlan.SESSION_QUOTA_BYTES, "2GiB",
                ResultLimitsPlan.TOMBSTONE, "PT5M"));

        assertThat(ResultLimitsPlan.resolve(settings, yaml))
                .isEqualTo(new ResultLimits(512L << 20, GIB, Duration.ofMinutes(10)));
    }

    @Test
    void yamlWinsOverTheDefaults() {
        Config yaml = withProperties(Map.of(ResultLimitsPlan.MAX_BYTES, "100 MiB", ResultLimitsPlan.TOMBSTONE, "PT0S"));

        assertThat(ResultLimitsPlan.resolve(NodeSettings.builder().build(), yaml))
                .isEqualTo(new ResultLimits(100L << 20, ResultLimits.DEFAULT_SESSION_QUOTA_BYTES, Duration.ZERO));
    }

    @Test
    void badLimitsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_MAX_RESULT_BYTES", "lots")))
                .hasMessageContaining("WEFT_MAX_RESULT_BYTES").hasMessageContaining("GiB");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_SESSION_QUOTA_BYTES", "0")))
                .hasMessageContaining("WEFT_SESSION_QUOTA_BYTES");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_RESULT_TOMBSTONE", "1h")))
                .hasMessageContaining("WEFT_RESULT_TOMBSTONE");
        assertThatThrownBy(() -> ResultLimitsPlan.resolve(NodeSettings.builder().build(),
                withProperties(Map.of(ResultLimitsPlan.SESSION_QUOTA_BYTES, "9999999TiB"))))
                .hasMessageContaining(ResultLimitsPlan.SESSION_QUOTA_BYTES);
        assertThatThrownBy(() -> ResultLimitsPlan.resolve(NodeSettings.builder().resultTombstone(Duration.ofDays(31)).build(),
                new Config())).hasMessageContaining("tombstone");
    }

    @Test
    void resultsAreIndexedBySessionAndSettingsAreBackedUp() {
        Config config = MemberConfigFactory.create(NodeSettings.builder().backupCount(2).build(), List.of());

        assertThat(config.getMapConfig(GridNames.RESULTS).getIndexConfigs())
                .anySatisfy(index -> assertThat(index.getAttributes()).containsExactly("sessionId"));
        assertThat(config.getMapConfig(GridNames.SETTINGS).getBackupCount()).isEqualTo(2);
    }

    private static Config withProperties(Map<String, String> properties) {
        Config config = new Config();
        properties.forEach(config::setProperty);
        return config;
    }
}
