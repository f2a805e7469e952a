package io.weft.gateway.metrics;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Times every request, outermost of the filters, so refusals by the key filter are counted too. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-100)
public class MetricsFilter {

    private static final String STARTED = "weft.started";

    private final GatewayMetrics metrics;

    public MetricsFilter(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void stop(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("unmatched");
        metrics.record(request.getMethodName(), route, response.code(), System.nanoTime() - started);
    }
}
