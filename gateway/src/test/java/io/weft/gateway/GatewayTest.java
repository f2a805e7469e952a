package io.weft.gateway;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What every gateway test class shares: its own embedded cluster (a unique cluster name, no node
 * metrics port), a random HTTP port on 127.0.0.1 and a known admin key.
 */
public interface GatewayTest extends TestPropertyProvider {

    String ADMIN_KEY = "test-admin-key-0123456789";

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("weft.cluster-name", "gw-" + getClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("weft.metrics-port", "0");
        properties.put("weft.admin-key", ADMIN_KEY);
        properties.put("micronaut.server.port", "-1");
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.putAll(extraProperties());
        return properties;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
