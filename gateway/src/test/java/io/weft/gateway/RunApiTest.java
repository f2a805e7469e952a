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
class RunApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void runAnswersWithTheFinishedTask() {
        Api.Reply reply = new Api(http, ADMIN_KEY).post("/v1/run/echo?timeout=PT20S", "{\"x\": 7}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(reply.json().path("output").path("x").asInt()).isEqualTo(7);
    }

    @Test
    void runNotDoneInTimeAnswers202WithLocation() {
        Api api = new Api(http, ADMIN_KEY);
        Api.Reply reply = api.post("/v1/run/sleep?timeout=PT0.2S", "{\"ms\": 3000}");
        assertThat(reply.status()).isEqualTo(202);
        String id = reply.json().path("id").asText();
        assertThat(reply.header("Location")).isEqualTo("/v1/tasks/" + id);
        assertThat(api.get("/v1/tasks/" + id).status()).isEqualTo(200);
    }

    @Test
    void runWithBadInputIsRefusedNamingTheField() {
        Api.Reply reply = new Api(http, ADMIN_KEY).post("/v1/run/sleep", "{\"ms\": -5}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("input.ms");
    }

    @Test
    void runsOfOneKeyShareOneRunSession() {
        Api api = new Api(http, ADMIN_KEY);
        String first = api.post("/v1/run/echo", "1").json().path("sessionId").asText();
        String second = api.post("/v1/run/echo", "2").json().path("sessionId").asText();
        assertThat(second).isEqualTo(first);
    }
}
