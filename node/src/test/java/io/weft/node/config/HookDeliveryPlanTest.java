package io.weft.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.weft.model.hook.DeliveryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookDeliveryPlanTest {

    @Test
    void packagedYamlGivesTheDocumentedDefaults() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of());

        DeliveryPolicy policy = HookDeliveryPlan.resolve(settings, MemberConfigFactory.create(settings, List.of()));

        assertThat(policy.backoff().initial()).isEqualTo(DeliveryPolicy.DEFAULT_BACKOFF);
        assertThat(policy.backoff().cap()).isEqualTo(DeliveryPolicy.DEFAULT_BACKOFF_CAP);
        assertThat(policy.maxAttempts()).isEqualTo(DeliveryPolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(policy.timeout()).isEqualTo(DeliveryPolicy.DEFAULT_TIMEOUT);
    }

    @Test
    void environmentWinsOverTheYamlWhichWinsOverTheDefaults() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of("WEFT_HOOK_BACKOFF", "PT1S", "WEFT_HOOK_MAX_ATTEMPTS", "4"));
        Config yaml = withProperties(Map.of(HookDeliveryPlan.BACKOFF, "PT2S", HookDeliveryPlan.MAX_ATTEMPTS, "6",
                HookDeliveryPlan.TIMEOUT, "PT3S"));

        DeliveryPolicy policy = HookDeliveryPlan.resolve(settings, yaml);

        assertThat(policy.backoff().initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff().cap()).isEqualTo(DeliveryPolicy.DEFAULT_BACKOFF_CAP);
    }

    @Test
    void badHookSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_HOOK_MAX_ATTEMPTS", "0")))
                .hasMessageContaining("WEFT_HOOK_MAX_ATTEMPTS");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_HOOK_BACKOFF", "5s")))
                .hasMessageContaining("WEFT_HOOK_BACKOFF");
        assertThatThrownBy(() -> NodeSettings.fromEnvironment(Map.of("WEFT_HOOK_TIMEOUT", "PT1H")))
                .hasMessageContaining("WEFT_HOOK_TIMEOUT");
        assertThatThrownBy(() -> HookDeliveryPlan.resolve(NodeSettings.builder().build(),
                withProperties(Map.of(HookDeliveryPlan.MAX_ATTEMPTS, "many"))))
                .hasMessageContaining(HookDeliveryPlan.MAX_ATTEMPTS);
    }

    private static Config withProperties(Map<String, String> properties) {
        Config config = new Config();
        properties.forEach(config::setProperty);
        return config;
    }
}
