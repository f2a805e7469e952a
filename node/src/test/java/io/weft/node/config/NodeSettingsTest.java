package io.weft.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    @Test
    void environmentOverridesEveryDefault() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of("WEFT_CLUSTER_NAME", "prod", "WEFT_PORT", "5801",
                "WEFT_MEMBERS", "10.0.0.1:5801, 10.0.0.2:5801", "WEFT_CP_MEMBERS", "3", "WEFT_METRICS_PORT", "0",
                "WEFT_SLOTS", "echo=8,sleep=2", "WEFT_GRACE_PERIOD", "PT5S"));
        assertThat(settings.clusterName()).isEqualTo("prod");
        assertThat(settings.port()).isEqualTo(5801);
        assertThat(settings.members()).containsExactly("10.0.0.1:5801", "10.0.0.2:5801");
        assertThat(settings.cpMembers()).isEqualTo(3);
        assertThat(settings.metricsPort()).isZero();
        assertThat(settings.slots()).containsEntry("echo", 8).containsEntry("sleep", 2);
        assertThat(settings.gracePeriod()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void emptyEnvironmentGivesTheDocumentedDefaults() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of());
        assertThat(settings.clusterName()).isEqualTo(NodeSettings.DEFAULT_CLUSTER_NAME);
        assertThat(settings.port()).isEqualTo(NodeSettings.DEFAULT_PORT);
        assertThat(settings.members()).isEmpty();
        assertThat(settings.cpMembers()).isZero();
        assertThat(settings.backupCount()).isEqualTo(NodeSettings.DEFAULT_BACKUP_COUNT);
    }

    @Test
    void httpAllowListIsReadFromTheEnvironmentAndEmptyByDefault() {
        assertThat(NodeSettings.fromEnvironment(Map.of()).httpAllow()).isEmpty();
        assertThat(NodeSettings.fromEnvironment(Map.of("WEFT_HTTP_ALLOW", "http://127.0.0.1:, https://api.example.org/v1/"))
                .httpAllow()).containsExactly("http://127.0.0.1:", "https://api.example.org/v1/");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_HTTP_ALLOW", "http")))
                .hasMessageContaining("WEFT_HTTP_ALLOW");
    }

    @Test
    void scheduleMinimumIntervalIsReadFromTheEnvironmentAndOneSecondByDefault() {
        assertThat(NodeSettings.fromEnvironment(Map.of()).scheduleLimits().minInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(NodeSettings.fromEnvironment(Map.of("WEFT_SCHEDULE_MIN_INTERVAL", "PT1M")).scheduleLimits().minInterval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_SCHEDULE_MIN_INTERVAL", "PT0.5S")))
                .hasMessageContaining("WEFT_SCHEDULE_MIN_INTERVAL");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_SCHEDULE_MIN_INTERVAL", "often")))
                .hasMessageContaining("WEFT_SCHEDULE_MIN_INTERVAL");
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_PORT", "http")))
                .hasMessageContaining("WEFT_PORT");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_CP_MEMBERS", "2")))
                .hasMessageContaining("WEFT_CP_MEMBERS");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_SLOTS", "echo")))
                .hasMessageContaining("type=n");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_SLOTS", "echo=0")))
                .hasMessageContaining("at least 1");
    }

    @Test
    void slotsComeFromTheEnvironmentThenTheYamlThenTheDefault() {
        Config config = MemberConfigFactory.create(NodeSettings.builder().slots(Map.of("echo", 3)).build(), List.of());
        SlotPlan plan = new SlotPlan(NodeSettings.builder().slots(Map.of("echo", 3)).build(), config);
        assertThat(plan.slotsFor("echo")).isEqualTo(3);
        assertThat(plan.slotsFor("sleep")).isEqualTo(64);
        assertThat(plan.slotsFor("checksum")).isEqualTo(16);
        SlotPlan withDefault = new SlotPlan(NodeSettings.builder().defaultSlots(5).build(), config);
        assertThat(withDefault.slotsFor("checksum")).isEqualTo(5);
    }

    @Test
    void memberConfigJoinsByTcpIpOnlyAndBacksUpTasks() {
        Config config = MemberConfigFactory.create(NodeSettings.builder().clusterName("c1").port(5901)
                .members(List.of("127.0.0.1:5901")).backupCount(2).build(), List.of());
        assertThat(config.getClusterName()).isEqualTo("c1");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5901);
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5901");
        assertThat(config.getJetConfig().isEnabled()).isTrue();
        assertThat(config.getMapConfig("weft.tasks").getBackupCount()).isEqualTo(2);
    }

    @Test
    void cpGroupsAreOddAndAtMostSeven() {
        assertThat(MemberConfigFactory.cpGroupSize(3)).isEqualTo(3);
        assertThat(MemberConfigFactory.cpGroupSize(4)).isEqualTo(3);
        assertThat(MemberConfigFactory.cpGroupSize(9)).isEqualTo(7);
    }
}
