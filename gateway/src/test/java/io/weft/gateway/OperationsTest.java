package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.max-queued-tasks", "2", "weft.slots", "sleep=1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteOfTheGatewayIsInTheOpenApiDocument() {
        Api.Reply reply = new Api(http, null).get("/openapi.yml");
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> doc = new Yaml().load(reply.text());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        List<String> routes = router.uriRoutes()
                .filter(r -> !r.getUriMatchTemplate().toPathString().startsWith("/openapi"))
                .filter(r -> r.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD) // implicit for every GET
                // OpenAPI 3 cannot describe a websocket; docs/api.md documents /v1/ws's messages.
                .filter(r -> !r.getUriMatchTemplate().toPathString().equals("/v1/ws"))
                .map(r -> r.getHttpMethod().name().toLowerCase(Locale.ROOT) + " " + path(r.getUriMatchTemplate().toPathString()))
                .toList();
        assertThat(routes).hasSizeGreaterThan(20);
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            assertThat(paths).as("paths of the OpenAPI document").containsKey(parts[1]);
            assertThat(paths.get(parts[1])).as(route).containsKey(parts[0]);
        }
    }

    @Test
    void metricsCountRequestsByRouteAndStatus() {
        Api api = new Api(http, ADMIN_KEY);
        api.get("/v1/tasks/t-nosuch");
        api.as(null).get("/v1/sessions");
        String metrics = api.get("/metrics").text();
        assertThat(metrics).contains("weft_gateway_requests_total{method=\"GET\",route=\"/v1/tasks/{tid}\",status=\"404\",}");
        assertThat(metrics).contains("status=\"401\"");
        assertThat(metrics).contains("weft_gateway_request_seconds_bucket");
    }

    @Test
    void submitPastTheQueuedBoundIs429WithRetryAfterAndStoresNothing() {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"busy\"}").json().path("id").asText();
        String sleep = "{\"type\": \"sleep\", \"input\": {\"ms\": 60000}}";
        Api.Reply tooMany = api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [" + sleep + "," + sleep + "," + sleep + "]}");
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.header("Retry-After")).isEqualTo("1");
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items")).isEmpty();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [" + sleep + "]}").status()).isEqualTo(201);
            }
            // one runs (one slot), two wait QUEUED: the bound of 2 is reached
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [" + sleep + "]}").status() == 429);
            // The queued count is read at most every 200 ms, so the bound may be passed by what came
            // in meanwhile; once it is passed, every submit is refused and stores nothing.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    api.get("/v1/sessions/" + session).json().path("counts").path("QUEUED").asInt() >= 2);
            int stored = api.get("/v1/sessions/" + session + "/tasks").json().path("items").size();
            assertThat(api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [" + sleep + "]}").status()).isEqualTo(429);
            assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items").size()).isEqualTo(stored);
        } finally {
            api.post("/v1/sessions/" + session + "/cancel", "");
        }
    }

    private static String path(String template) {
        int query = template.indexOf("{?");
        String path = query < 0 ? template : template.substring(0, query);
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
