package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartAndHealthTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void healthIsReadyOnceTheEmbeddedNodeRuns() {
        Api.Reply health = new Api(http, null).get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("ready").asBoolean()).isTrue();
        assertThat(health.json().path("mode").asText()).isEqualTo("embedded");
    }

    @Test
    void unknownRouteIsProblemJsonWithoutStackTrace() {
        Api.Reply reply = new Api(http, null).get("/no/such/route");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(404);
        assertThat(reply.text()).doesNotContain("at io.").doesNotContain("Exception");
    }

    @Test
    void wrongMethodIsProblemJson405() {
        Api.Reply reply = new Api(http, ADMIN_KEY).send(io.micronaut.http.HttpRequest.PATCH("/v1/task-types", "{}"));
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void callWithoutKeyIsRefusedWith401() {
        Api.Reply reply = new Api(http, null).get("/v1/task-types");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void taskTypesCarryTheirSchemasAsJsonObjects() {
        Api.Reply reply = new Api(http, ADMIN_KEY).get("/v1/task-types");
        assertThat(reply.status()).isEqualTo(200);
        var sleep = java.util.stream.StreamSupport.stream(reply.json().spliterator(), false)
                .filter(t -> t.path("name").asText().equals("sleep")).findFirst().orElseThrow();
        assertThat(sleep.path("inputSchema").path("required").get(0).asText()).isEqualTo("ms");
        assertThat(sleep.path("slots").asInt()).isPositive();
    }
}
