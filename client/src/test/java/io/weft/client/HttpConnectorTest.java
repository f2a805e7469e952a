package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.weft.model.Json;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in {@code http} task type against a receiver on 127.0.0.1, through a node's allow-list. */
class HttpConnectorTest {

    private static HttpServer receiver;
    private static ExecutorService receiverThreads;
    private static final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger calls = new AtomicInteger();
    private static TestCluster cluster;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Trace") + " " + body);
            byte[] answer = ("{\"got\":" + (body.isEmpty() ? "null" : body) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Reply", "yes");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiverThreads = Executors.newFixedThreadPool(2);
        receiver.setExecutor(receiverThreads);
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        cluster = TestCluster.tuned("http", 1, settings -> settings.httpAllow(List.of(base + "/hook")));
    }

    @AfterAll
    static void stop() {
        cluster.close();
        receiver.stop(0);
        receiverThreads.shutdownNow();
    }

    @Test
    void httpTaskPostsItsBodyAndReturnsTheResponse() throws Exception {
        WeftClient client = cluster.client();
        String session = client.sessions().create("http-ok", Map.of()).id();
        String input = "{\"method\":\"POST\",\"url\":\"" + base + "/hook\",\"headers\":{\"X-Trace\":\"t1\"},"
                + "\"body\":{\"n\":7},\"timeoutMs\":5000}";
        Task task = client.tasks().submit(session, TaskSpec.of("http", input));
        Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        JsonNode output = Json.parse(done.output());
        assertThat(output.path("status").asInt()).isEqualTo(201);
        assertThat(output.path("headers").path("x-reply").asText()).isEqualTo("yes");
        assertThat(output.path("body").path("got").path("n").asInt()).isEqualTo(7);
        assertThat(received).contains("POST t1 {\"n\":7}");
    }

    @Test
    void httpTaskToAUrlOutsideTheAllowListFailsWithoutCalling() throws Exception {
        WeftClient client = cluster.client();
        String session = client.sessions().create("http-refused", Map.of()).id();
        int before = calls.get();
        // The receiver answers there too, but /other is not under the allowed prefix; and a dot-dot
        // path that starts with the prefix as written must not reach it either.
        List<Task> tasks = client.tasks().submit(session, List.of(
                TaskSpec.of("http", "{\"url\":\"" + base + "/other\"}").withOptions(TaskOptions.builder().maxRetries(0).build()),
                TaskSpec.of("http", "{\"url\":\"" + base + "/hook/../other\"}")
                        .withOptions(TaskOptions.builder().maxRetries(0).build())));
        for (Task task : tasks) {
            Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(done.error().message()).contains("input.url");
        }
        assertThat(done(client, tasks.get(0)).error().message()).contains("is not allowed").contains("WEFT_HTTP_ALLOW");
        assertThat(calls.get()).isEqualTo(before);
    }

    private static Task done(WeftClient client, Task task) {
        return client.tasks().get(task.id()).orElseThrow();
    }
}
