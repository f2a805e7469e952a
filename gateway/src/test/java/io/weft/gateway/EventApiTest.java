package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Test
    void eventsStreamEveryStatusChangeAndResumeAfterLastEventId() throws Exception {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"events\"}").json().path("id").asText();

        CompletableFuture<List<String>> ids = readIdsUntil(session, null, "SUCCEEDED");
        Thread.sleep(500); // the stream is open before the task is submitted
        String task = api.post("/v1/sessions/" + session + "/tasks", "{\"tasks\": [{\"type\": \"echo\", \"input\": 1}]}")
                .json().path("tasks").get(0).path("id").asText();
        List<String> live = ids.get(30, TimeUnit.SECONDS);
        assertThat(live).first().isEqualTo(task + ":0");
        assertThat(live).last().asString().startsWith(task + ":");

        List<String> resumed = readIdsUntil(session, task + ":0", "SUCCEEDED").get(30, TimeUnit.SECONDS);
        assertThat(resumed).doesNotContain(task + ":0").containsAll(live.subList(1, live.size()));
    }

    @Test
    void anotherKeysSessionHasNoEventsFor404AndUnknownSessionIs404() {
        Api api = new Api(http, ADMIN_KEY);
        assertThat(api.get("/v1/sessions/s-nosuch/events").status()).isEqualTo(404);
    }

    @Test
    void clusterShowsTheMemberAndItsTypes() {
        Api.Reply cluster = new Api(http, ADMIN_KEY).get("/v1/cluster");
        assertThat(cluster.status()).isEqualTo(200);
        assertThat(cluster.json().path("members")).hasSize(1);
        assertThat(cluster.json().path("members").get(0).path("types").toString()).contains("\"echo\"");
    }

    /** Reads SSE ids (in a thread) until an event named {@code until}. */
    private CompletableFuture<List<String>> readIdsUntil(String session, String lastEventId, String until) {
        return CompletableFuture.supplyAsync(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                    + "/v1/sessions/" + session + "/events")).header("Authorization", "Bearer " + ADMIN_KEY);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            List<String> ids = new ArrayList<>();
            try {
                HttpResponse<Stream<String>> response = java.net.http.HttpClient.newHttpClient()
                        .send(request.build(), HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        if (line.startsWith("id:")) {
                            ids.add(line.substring(3).trim());
                        } else if (line.startsWith("event:") && line.substring(6).trim().equals(until)) {
                            return ids;
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }
}
