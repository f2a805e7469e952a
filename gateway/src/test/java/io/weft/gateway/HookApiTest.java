package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.client.HookSignature;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Hooks over HTTP, delivered by the embedded node to a receiver on 127.0.0.1 allowed under {@code /hooks/}. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HookApiTest implements GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Each request the receiver got: its raw path, its signature header and its exact body. */
    record Received(String path, String signature, String body) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final HttpServer receiver = startReceiver();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.http-allow", base() + "/hooks/", "weft.hook-backoff", "PT0.05S", "weft.hook-max-attempts", "3",
                "weft.port", String.valueOf(FreePort.onLoopback()));
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void perKeyHookIsToldAboutEverySessionOfItsKeyAndNoOtherKeys() {
        Api admin = new Api(http, ADMIN_KEY);
        Api alice = admin.as(secret(admin, "alice"));
        Api bob = admin.as(secret(admin, "bob"));
        Api.Reply created = alice.post("/v1/hooks", "{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/hooks/alice\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String aliceHook = created.json().path("id").asText();
        String secret = created.json().path("secret").asText();
        assertThat(created.json().path("scope").asText()).isEqualTo("key");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        String bobHook = bob.post("/v1/hooks", "{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/hooks/bob\"}")
                .json().path("id").asText();

        String bobTask = submitEcho(bob, session(bob));
        String aliceTask1 = submitEcho(alice, session(alice));
        String aliceTask2 = submitEcho(alice, session(alice));

        await().atMost(WAIT).until(() -> delivered(bob, bobHook) == 1 && delivered(alice, aliceHook) == 2);
        JsonNode deliveries = alice.get("/v1/hooks/" + aliceHook + "/deliveries").json();
        assertThat(StreamSupport.stream(deliveries.spliterator(), false).map(d -> d.path("taskId").asText()))
                .containsExactlyInAnyOrder(aliceTask1, aliceTask2);
        assertThat(deliveries.get(0).path("attempts").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(bob.get("/v1/hooks/" + bobHook + "/deliveries").json().get(0).path("taskId").asText()).isEqualTo(bobTask);
        for (Received r : received) {
            if (r.body().contains(aliceTask1) || r.body().contains(aliceTask2)) {
                assertThat(HookSignature.verify(secret, r.signature(), r.body(), Duration.ofMinutes(5))).isTrue();
            }
        }
        assertThat(received).noneMatch(r -> r.body().contains(bobTask) && r.body().contains(aliceHook));
    }

    @Test
    void keySeesOnlyItsOwnHooksAndTheSecretOnlyOnCreate() {
        Api admin = new Api(http, ADMIN_KEY);
        Api carol = admin.as(secret(admin, "carol"));
        Api dave = admin.as(secret(admin, "dave"));
        String carolSession = session(carol);
        Api.Reply created = carol.post("/v1/hooks", "{\"sessionId\": \"" + carolSession + "\", \"events\": [\"SESSION_FINISHED\"],"
                + " \"url\": \"" + base() + "/hooks/carol\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String hook = created.json().path("id").asText();

        Api.Reply read = carol.get("/v1/hooks/" + hook);
        assertThat(read.json().path("sessionId").asText()).isEqualTo(carolSession);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(carol.get("/v1/hooks").text()).contains(hook).doesNotContain(created.json().path("secret").asText());
        assertThat(dave.get("/v1/hooks/" + hook).status()).isEqualTo(404);
        assertThat(dave.get("/v1/hooks/" + hook + "/deliveries").status()).isEqualTo(404);
        assertThat(dave.delete("/v1/hooks/" + hook).status()).isEqualTo(404);
        assertThat(dave.get("/v1/hooks").text()).doesNotContain(hook);
        // A hook on someone else's session is refused as if the session did not exist.
        assertThat(dave.post("/v1/hooks", "{\"sessionId\": \"" + carolSession + "\", \"events\": [\"TASK_FAILED\"],"
                + " \"url\": \"" + base() + "/hooks/dave\"}").status()).isEqualTo(404);
        assertThat(admin.get("/v1/hooks/" + hook).status()).isEqualTo(200);

        assertThat(carol.delete("/v1/hooks/" + hook).status()).isEqualTo(204);
        assertThat(carol.get("/v1/hooks/" + hook).status()).isEqualTo(404);
    }

    @Test
    void badHookIsRefusedNamingTheFieldAndNothingIsStored() {
        Api admin = new Api(http, ADMIN_KEY);
        Api erin = admin.as(secret(admin, "erin"));
        String session = session(erin);
        String[][] cases = {
                {"{\"sessionId\": \"" + session + "\", \"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/elsewhere\"}", "url"},
                {"{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"http://example.org/hooks/\"}", "url"},
                {"{\"events\": [\"TASK_SUCCEEDED\"]}", "url"},
                {"{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/hooks/../admin\"}", "url"},
                {"{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/hooks/%2e%2e/admin\"}", "url"},
                {"{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/hooks/..%2fadmin\"}", "url"},
                {"{\"events\": [\"TASK_SUCCEEDED\"], \"url\": \"" + base() + "/hooks-evil/x\"}", "url"},
                {"{\"sessionId\": \"" + session + "\", \"events\": [], \"url\": \"" + base() + "/hooks/erin\"}", "events"},
                {"{\"events\": [\"TASK_DONE\"], \"url\": \"" + base() + "/hooks/erin\"}", "events[0]"},
                {"{\"allSessions\": true, \"events\": [\"TASK_FAILED\"], \"url\": \"" + base() + "/hooks/erin\"}", "allSessions"},
        };
        for (String[] c : cases) {
            Api.Reply reply = erin.post("/v1/hooks", c[0]);
            assertThat(reply.status()).as(c[0] + " -> " + reply.text()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("field").asText()).as(reply.text()).isEqualTo(c[1]);
        }
        assertThat(erin.get("/v1/hooks").json()).isEmpty();
    }

    @Test
    void hookUrlIsStoredAndCalledInItsNormalForm() {
        Api admin = new Api(http, ADMIN_KEY);
        Api grace = admin.as(secret(admin, "grace"));
        String session = session(grace);
        String written = base().replace("http://", "HTTP://") + "/hooks/a/./b/../%7Egrace";

        Api.Reply created = grace.post("/v1/hooks", "{\"sessionId\": \"" + session + "\", \"events\": [\"TASK_SUCCEEDED\"],"
                + " \"url\": \"" + written + "\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("url").asText()).isEqualTo(base() + "/hooks/a/~grace");
        String hook = created.json().path("id").asText();
        assertThat(grace.get("/v1/hooks/" + hook).json().path("url").asText()).isEqualTo(base() + "/hooks/a/~grace");
        String task = submitEcho(grace, session);
        await().atMost(WAIT).until(() -> delivered(grace, hook) == 1);
        assertThat(received).filteredOn(r -> r.body().contains(task)).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/hooks/a/~grace"));
    }

    @Test
    void settledDeliveryIsSentAgainByHandAsANewDeliveryOfTheSameEventAndOnlyForItsOwner() {
        Api admin = new Api(http, ADMIN_KEY);
        Api frank = admin.as(secret(admin, "frank"));
        Api grace = admin.as(secret(admin, "grace"));
        String session = session(frank);
        String hook = frank.post("/v1/hooks", "{\"sessionId\": \"" + session + "\", \"events\": [\"TASK_SUCCEEDED\"],"
                + " \"url\": \"" + base() + "/hooks/frank\"}").json().path("id").asText();
        String task = submitEcho(frank, session);
        await().atMost(WAIT).until(() -> delivered(frank, hook) == 1);
        JsonNode first = frank.get("/v1/hooks/" + hook + "/deliveries").json().get(0);
        String path = "/v1/hooks/" + hook + "/deliveries/" + first.path("id").asText() + "/redeliver";

        assertThat(grace.post(path, "").status()).as("not grace's hook").isEqualTo(404);
        assertThat(frank.post("/v1/hooks/" + hook + "/deliveries/d-none/redeliver", "").status()).isEqualTo(404);
        Api.Reply again = frank.post(path, "");

        assertThat(again.status()).as(again.text()).isEqualTo(202);
        String againId = again.json().path("id").asText();
        assertThat(againId).isNotEqualTo(first.path("id").asText());
        assertThat(again.json().path("eventId").asText()).isEqualTo(first.path("eventId").asText());
        await().atMost(WAIT).until(() -> delivered(frank, hook) == 2);
        assertThat(received).filteredOn(r -> r.body().contains(againId)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(task));
    }

    private static long delivered(Api as, String hook) {
        JsonNode deliveries = as.get("/v1/hooks/" + hook + "/deliveries").json();
        return StreamSupport.stream(deliveries.spliterator(), false).filter(d -> d.path("state").asText().equals("DELIVERED")).count();
    }

    private static String session(Api as) {
        return as.post("/v1/sessions", "{\"name\": \"hooked\"}").json().path("id").asText();
    }

    private static String submitEcho(Api as, String session) {
        Api.Reply reply = as.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [{\"type\": \"echo\", \"input\": {\"x\": 1}}]}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().path("tasks").path(0).path("id").asText();
    }

    private static String secret(Api admin, String name) {
        return admin.post("/v1/keys", "{\"name\": \"" + name + "\", \"scopes\": [\"submit\", \"read\"]}").json().path("secret").asText();
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Weft-Signature"), body));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
