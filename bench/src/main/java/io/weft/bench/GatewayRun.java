package io.weft.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real gateway in its embedded default (one member and the gateway in one JVM), started as a
 * child JVM from the benchmark's classpath ({@code io.weft.gateway.GatewayMain}, as
 * {@code weft-gateway.jar} runs it), configured only through its {@code WEFT_*} environment.
 */
final class GatewayRun implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final ChildJvm jvm;
    private final URI base;
    private final String adminKey;

    private GatewayRun(ChildJvm jvm, URI base, String adminKey) {
        this.jvm = jvm;
        this.base = base;
        this.adminKey = adminKey;
    }

    /** Starts the gateway with {@code echoSlots} echo slots and waits (bounded) until it is ready. */
    static GatewayRun start(int echoSlots) throws Exception {
        int httpPort = ChildJvm.freePort();
        String adminKey = "bench-" + UUID.randomUUID();
        ChildJvm jvm = ChildJvm.start("gateway", "2g", "io.weft.gateway.GatewayMain", Map.of(
                "WEFT_CLUSTER_NAME", "bench-gw-" + UUID.randomUUID().toString().substring(0, 8),
                "WEFT_HTTP_PORT", String.valueOf(httpPort), "WEFT_METRICS_PORT", "0", "WEFT_PORT", "5901",
                "WEFT_SLOTS", "echo=" + echoSlots, "WEFT_ADMIN_KEY", adminKey), List.of());
        GatewayRun gateway = new GatewayRun(jvm, URI.create("http://127.0.0.1:" + httpPort), adminKey);
        try {
            jvm.awaitReady(gateway.base.resolve("/health/readiness"), START_LIMIT, "the gateway");
        } catch (Exception e) {
            jvm.close();
            throw e;
        }
        return gateway;
    }

    URI base() {
        return base;
    }

    String adminKey() {
        return adminKey;
    }

    /** The CPU time the gateway's JVM (gateway and member) has used so far. */
    long cpuNanos() {
        return jvm.cpuNanos();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
