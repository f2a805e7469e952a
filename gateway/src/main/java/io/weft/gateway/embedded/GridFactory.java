package io.weft.gateway.embedded;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig.ReconnectMode;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.weft.client.WeftClient;
import io.weft.gateway.config.WeftProperties;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link Grid} at start-up: with {@code WEFT_MEMBERS} unset, an embedded node configured
 * from the {@code WEFT_*} environment (as {@code weft-node.jar} would be); otherwise a Hazelcast client
 * of cluster {@code WEFT_CLUSTER_NAME} at those addresses, with smart routing, that reconnects when the
 * cluster comes back.
 */
@Factory
public class GridFactory {

    private static final Logger LOG = LoggerFactory.getLogger(GridFactory.class);

    @Context
    @Bean(preDestroy = "close")
    Grid grid(WeftProperties properties) {
        if (properties.embedded()) {
            WeftNode node = WeftNode.start(NodeSettings.fromEnvironment(nodeEnvironment(properties)));
            LOG.info("gateway runs an embedded Weft node");
            return new Grid(WeftClient.embedded(node.hazelcast()), node);
        }
        ClientConfig config = new ClientConfig();
        config.setClusterName(properties.clusterName() == null ? NodeSettings.DEFAULT_CLUSTER_NAME : properties.clusterName());
        config.getNetworkConfig().setSmartRouting(true)
                .setAddresses(Arrays.stream(properties.members().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        config.getConnectionStrategyConfig().setAsyncStart(false).setReconnectMode(ReconnectMode.ASYNC);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(Long.MAX_VALUE);
        LOG.info("gateway connects to cluster '{}' at {}", config.getClusterName(), properties.members());
        return new Grid(WeftClient.connect(config), null);
    }

    @Singleton
    WeftClient weftClient(Grid grid) {
        return grid.client();
    }

    /** The process environment, with the gateway's own properties (tests, -D flags) laid over it. */
    static Map<String, String> nodeEnvironment(WeftProperties properties) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("WEFT_MEMBERS");
        if (properties.clusterName() != null) {
            env.put("WEFT_CLUSTER_NAME", properties.clusterName());
        }
        if (properties.port() != null) {
            env.put("WEFT_PORT", String.valueOf(properties.port()));
        }
        if (properties.scheduleMinInterval() != null) {
            env.put("WEFT_SCHEDULE_MIN_INTERVAL", properties.scheduleMinInterval().toString());
        }
        if (properties.metricsPort() != null) {
            env.put("WEFT_METRICS_PORT", String.valueOf(properties.metricsPort()));
        }
        if (properties.slots() != null) {
            env.put("WEFT_SLOTS", properties.slots());
        }
        if (properties.httpAllow() != null) {
            env.put("WEFT_HTTP_ALLOW", properties.httpAllow());
        }
        if (properties.hookBackoff() != null) {
            env.put("WEFT_HOOK_BACKOFF", properties.hookBackoff());
        }
        if (properties.hookMaxAttempts() != null) {
            env.put("WEFT_HOOK_MAX_ATTEMPTS", String.valueOf(properties.hookMaxAttempts()));
        }
        return env;
    }
}
