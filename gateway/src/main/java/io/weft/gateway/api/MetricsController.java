package io.weft.gateway.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.prometheus.client.exporter.common.TextFormat;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.StringWriter;

/** The gateway's metrics in Prometheus text format, without a key (like the nodes' /metrics). */
@Controller("/metrics")
@Tag(name = "operations")
public class MetricsController {

    private final GatewayMetrics metrics;

    public MetricsController(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Get(produces = TextFormat.CONTENT_TYPE_004)
    public String scrape() throws IOException {
        StringWriter out = new StringWriter();
        TextFormat.write004(out, metrics.registry().metricFamilySamples());
        return out.toString();
    }
}
