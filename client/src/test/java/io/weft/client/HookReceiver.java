package io.weft.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 for tests: under {@code /hooks/ok} it answers 200, under
 * {@code /hooks/flaky} 500 to its first two calls and 200 after, under {@code /hooks/down} always 500,
 * under {@code /hooks/later} 503 until {@link #bringLaterUp()} and 200 after.
 * It keeps every request it got, with its headers and exact body.
 */
final class HookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, String signature, String deliveryId, String event, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicBoolean laterIsUp = new AtomicBoolean();

    HookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return base() + path;
    }

    List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests whose body names {@code text} (a task or session id). */
    List<Received> mentioning(String text) {
        return received.stream().filter(r -> r.body().contains(text)).toList();
    }

    /** From now on {@code /hooks/later} answers 200 (503 until then). */
    void bringLaterUp() {
        laterIsUp.set(true);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("Weft-Signature"),
                exchange.getRequestHeaders().getFirst("Weft-Delivery"), exchange.getRequestHeaders().getFirst("Weft-Event"), body));
        int status = switch (path) {
            case "/hooks/flaky" -> flakyCalls.incrementAndGet() <= 2 ? 500 : 200;
            case "/hooks/down" -> 500;
            case "/hooks/later" -> laterIsUp.get() ? 200 : 503;
            default -> 200;
        };
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
