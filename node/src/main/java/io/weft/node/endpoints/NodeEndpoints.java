package io.weft.node.endpoints;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The node's HTTP port ({@code WEFT_METRICS_PORT}): {@code /metrics} in Prometheus text format,
 * {@code /health/liveness} and {@code /health/readiness} (also {@code /health}) with the
 * {@link HealthReport} as JSON, and {@code /health/safe}. Each is 200 when true and 503 when not.
 * No key: keep the port on the private network, like the members' own.
 */
public final class NodeEndpoints implements AutoCloseable {

    private final HTTPServer server;

    private NodeEndpoints(HTTPServer server) {
        this.server = server;
    }

    /**
     * @param safe whether every partition this member owns has its backups in sync; it may ask the
     *             other members, so it has a path of its own and probes do not pay for it
     */
    public static NodeEndpoints serve(int port, CollectorRegistry registry, Supplier<HealthReport> health,
                                      BooleanSupplier safe) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(port), 16);
            http.createContext("/health/liveness", exchange -> {
                HealthReport report = health.get();
                answer(exchange, report.live(), report.toJson());
            });
            http.createContext("/health", exchange -> {
                HealthReport report = health.get();
                answer(exchange, report.ready(), report.toJson());
            });
            http.createContext("/health/safe", exchange -> {
                boolean isSafe = safe.getAsBoolean();
                answer(exchange, isSafe, "{\"safe\":" + isSafe + "}");
            });
            // Adds /metrics and starts the server on daemon threads of its own.
            return new NodeEndpoints(new HTTPServer(http, registry, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics and health on port " + port, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void answer(HttpExchange exchange, boolean ok, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
