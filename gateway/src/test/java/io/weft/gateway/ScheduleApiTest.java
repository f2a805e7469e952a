package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.runtime.server.EmbeddedServer;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleApiTest implements GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    private String session(Api api) {
        return api.post("/v1/sessions", "{\"name\": \"scheduled\"}").json().path("id").asText();
    }

    @Test
    void scheduleIsCreatedShowsItsNextFireTimesFiresAndCanBePausedResumedAndDeleted() {
        Api api = new Api(http, ADMIN_KEY);
        String session = session(api);

        Api.Reply created = api.post("/v1/schedules", "{\"sessionId\": \"" + session + "\", \"every\": \"PT1S\","
                + " \"task\": {\"type\": \"echo\", \"input\": {\"n\": 1}, \"options\": {\"priority\": 7}}}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode schedule = created.json();
        String id = schedule.path("id").asText();
        assertThat(id).startsWith("sch-");
        assertThat(schedule.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(schedule.path("misfire").asText()).isEqualTo("fire-once");
        assertThat(schedule.path("every").asText()).isEqualTo("PT1S");
        assertThat(schedule.path("nextFireTimes")).hasSize(5);
        Instant first = Instant.parse(schedule.path("nextFireTimes").get(0).asText());
        assertThat(Instant.parse(schedule.path("nextFireTimes").get(1).asText())).isEqualTo(first.plusSeconds(1));

        await().atMost(WAIT).until(() -> api.get("/v1/schedules/" + id).json().path("fired").asLong() >= 1);
        JsonNode fired = api.get("/v1/schedules/" + id).json();
        JsonNode task = api.get("/v1/tasks/" + fired.path("lastTaskId").asText()).json();
        assertThat(task.path("sessionId").asText()).isEqualTo(session);
        assertThat(task.path("input").path("n").asInt()).isEqualTo(1);
        assertThat(task.path("priority").asInt()).isEqualTo(7);

        Api.Reply paused = api.post("/v1/schedules/" + id + "/pause", "");
        assertThat(paused.json().path("state").asText()).isEqualTo("PAUSED");
        assertThat(paused.json().path("nextFireTimes")).isEmpty();
        assertThat(api.get("/v1/schedules?sessionId=" + session).json()).hasSize(1);
        Api.Reply resumed = api.post("/v1/schedules/" + id + "/resume", "");
        assertThat(resumed.json().path("state").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.json().path("nextFireTimes")).hasSize(5);

        assertThat(api.delete("/v1/schedules/" + id).status()).isEqualTo(204);
        assertThat(api.get("/v1/schedules/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void cronScheduleReadsItsZone() {
        Api api = new Api(http, ADMIN_KEY);
        Api.Reply created = api.post("/v1/schedules", "{\"sessionId\": \"" + session(api) + "\", \"cron\": \"0 */5 * * * *\","
                + " \"zone\": \"Europe/Rome\", \"misfire\": \"skip\", \"maxFailures\": 4, \"task\": {\"type\": \"echo\", \"input\": {}}}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("zone").asText()).isEqualTo("Europe/Rome");
        assertThat(created.json().path("misfire").asText()).isEqualTo("skip");
        assertThat(created.json().path("maxFailures").asInt()).isEqualTo(4);
        Instant first = Instant.parse(created.json().path("nextFireTimes").get(0).asText());
        assertThat(first.getEpochSecond() % 300).isZero();
        api.delete("/v1/schedules/" + created.json().path("id").asText());
    }

    @Test
    void badScheduleIsRefusedNamingTheFieldAndNothingIsStored() {
        Api api = new Api(http, ADMIN_KEY);
        String session = session(api);
        String[][] cases = {
                {"{\"sessionId\": \"" + session + "\", \"cron\": \"61 * * * *\", \"task\": {\"type\": \"echo\"}}", "cron"},
                {"{\"sessionId\": \"" + session + "\", \"task\": {\"type\": \"echo\"}}", "cron"},
                {"{\"sessionId\": \"" + session + "\", \"every\": \"10s\", \"task\": {\"type\": \"echo\"}}", "every"},
                {"{\"sessionId\": \"" + session + "\", \"every\": \"PT0.5S\", \"task\": {\"type\": \"echo\"}}", "every"},
                {"{\"sessionId\": \"" + session + "\", \"cron\": \"0 * * * *\", \"zone\": \"Nowhere/Else\", \"task\": {\"type\": \"echo\"}}", "zone"},
                {"{\"sessionId\": \"" + session + "\", \"every\": \"PT10S\"}", "task"},
                {"{\"sessionId\": \"" + session + "\", \"every\": \"PT10S\", \"task\": {\"type\": \"sleep\", \"input\": {}}}", "task.input"},
                {"{\"sessionId\": \"" + session + "\", \"every\": \"PT10S\", \"misfire\": \"later\", \"task\": {\"type\": \"echo\"}}", "misfire"},
                {"{\"sessionId\": \"" + session + "\", \"every\": \"PT10S\", \"maxFailures\": 0, \"task\": {\"type\": \"echo\"}}", "maxFailures"},
        };
        for (String[] c : cases) {
            Api.Reply reply = api.post("/v1/schedules", c[0]);
            assertThat(reply.status()).as(c[0] + " -> " + reply.text()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("field").asText()).as(reply.text()).startsWith(c[1]);
        }
        assertThat(api.post("/v1/schedules", "{\"sessionId\": \"s-nosuch\", \"every\": \"PT10S\", \"task\": {\"type\": \"echo\"}}").status())
                .isEqualTo(404);
        assertThat(api.get("/v1/schedules?sessionId=" + session).json()).isEmpty();
    }

    @Test
    void anotherKeySeesNeitherTheScheduleNorItsSession() {
        Api admin = new Api(http, ADMIN_KEY);
        Api other = admin.as(admin.post("/v1/keys", "{\"name\": \"other\", \"scopes\": [\"submit\", \"read\"]}").json().path("secret").asText());
        String session = session(admin);
        String id = admin.post("/v1/schedules", "{\"sessionId\": \"" + session + "\", \"every\": \"PT1H\", \"task\": {\"type\": \"echo\"}}")
                .json().path("id").asText();

        assertThat(other.get("/v1/schedules/" + id).status()).isEqualTo(404);
        assertThat(other.post("/v1/schedules/" + id + "/pause", "").status()).isEqualTo(404);
        assertThat(other.delete("/v1/schedules/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/schedules").json()).isEmpty();
        assertThat(other.post("/v1/schedules", "{\"sessionId\": \"" + session + "\", \"every\": \"PT1H\", \"task\": {\"type\": \"echo\"}}").status())
                .isEqualTo(404);
        assertThat(admin.get("/v1/schedules/" + id).json().path("state").asText()).isEqualTo("ACTIVE");
        admin.delete("/v1/schedules/" + id);
    }

    @Test
    void taskLogLinesAreReadableAndStreamedInTheSessionsEvents() throws Exception {
        Api api = new Api(http, ADMIN_KEY);
        String session = session(api);
        CompletableFuture<List<String>> streamed = readLogDataUntil(session, 2);
        Thread.sleep(500); // the stream is open before the task is submitted
        String task = api.post("/v1/sessions/" + session + "/tasks",
                "{\"tasks\": [{\"type\": \"say\", \"input\": {\"lines\": [\"hello\", \"world\"]}}]}").json()
                .path("tasks").get(0).path("id").asText();

        await().atMost(WAIT).until(() -> api.get("/v1/tasks/" + task + "/logs").json().path("lines").size() == 2);
        JsonNode logs = api.get("/v1/tasks/" + task + "/logs").json();
        assertThat(logs.path("lines").get(0).path("text").asText()).isEqualTo("hello");
        assertThat(logs.path("lines").get(1).path("text").asText()).isEqualTo("world");
        assertThat(logs.path("lines").get(1).path("sequence").asLong()).isEqualTo(1);
        assertThat(logs.path("lines").get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(logs.path("dropped").asLong()).isZero();
        assertThat(api.get("/v1/tasks/t-nosuch/logs").status()).isEqualTo(404);
        List<String> events = streamed.get(30, TimeUnit.SECONDS);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("\"taskId\":\"" + task + "\"").contains("\"text\":\"hello\"");
        assertThat(events.get(1)).contains("\"text\":\"world\"").contains("\"sequence\":1");
    }

    /** Reads (in a thread) the data of the first {@code count} SSE events named {@code log}. */
    private CompletableFuture<List<String>> readLogDataUntil(String session, int count) {
        return CompletableFuture.supplyAsync(() -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                    + "/v1/sessions/" + session + "/events")).header("Authorization", "Bearer " + ADMIN_KEY).build();
            List<String> data = new ArrayList<>();
            try {
                HttpResponse<Stream<String>> response = java.net.http.HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                    boolean log = false;
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext() && data.size() < count) {
                        String line = it.next();
                        if (line.startsWith("event:")) {
                            log = line.substring(6).trim().equals("log");
                        } else if (line.startsWith("data:") && log) {
                            data.add(line.substring(5).trim());
                        } else if (line.isEmpty()) {
                            log = false;
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return data;
        });
    }
}
