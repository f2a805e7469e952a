package io.weft.gateway.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import jakarta.inject.Singleton;

/**
 * The gateway's own Prometheus metrics, in a registry of its own (the embedded node keeps its
 * metrics on its own port): requests by method, route template and status, and their latency.
 */
@Singleton
public class GatewayMetrics {

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final Counter requests = Counter.build("weft_gateway_requests_total", "HTTP requests answered")
            .labelNames("method", "route", "status").register(registry);
    private final Histogram latency = Histogram.build("weft_gateway_request_seconds", "HTTP request latency")
            .labelNames("method", "route")
            .buckets(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);

    public GatewayMetrics() {
        new StandardExports().register(registry);
        new MemoryPoolsExports().register(registry);
    }

    public void record(String method, String route, int status, long nanos) {
        requests.labels(method, route, String.valueOf(status)).inc();
        latency.labels(method, route).observe(nanos / 1e9);
    }

    public CollectorRegistry registry() {
        return registry;
    }
}
