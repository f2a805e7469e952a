package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.model.Json;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code booklet} type over HTTP: its schema is published for the console's form, and refuses a
 * bad event before anything is stored, naming the field.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookletApiTest implements GatewayTest {

    private static final Path SAMPLE = Path.of("..", "docs", "examples", "indico-event.json");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    Api api;
    String session;

    @BeforeEach
    void aFreshSession() {
        api = new Api(http, ADMIN_KEY);
        session = api.post("/v1/sessions", "{\"name\": \"booklets\"}").json().path("id").asText();
    }

    @Test
    void bookletTypeIsListedWithAnInputSchemaAFormCanBeMadeOf() {
        JsonNode types = api.get("/v1/task-types").json();
        JsonNode booklet = null;
        for (JsonNode type : types.isArray() ? types : types.path("items")) {
            if (type.path("name").asText().equals("booklet")) {
                booklet = type;
            }
        }
        assertThat(booklet).as("booklet in %s", types).isNotNull();
        JsonNode event = booklet.path("inputSchema").path("properties").path("event");
        assertThat(event.path("required")).extracting(JsonNode::asText).containsExactly("title");
        JsonNode contribution = event.path("properties").path("contributions").path("items");
        assertThat(contribution.path("required")).extracting(JsonNode::asText).containsExactly("title");
        assertThat(contribution.path("properties").path("authors").path("items").path("required"))
                .extracting(JsonNode::asText).containsExactly("name");
        assertThat(event.path("properties").path("startDate").path("format").asText()).isEqualTo("date");
        assertThat(booklet.path("inputSchema").path("properties").path("expiresInHours").path("maximum").asInt()).isEqualTo(720);
    }

    @Test
    void runningTheSampleGivesAnOdtToDownload() throws Exception {
        Api.Reply run = api.post("/v1/run/booklet?timeout=PT60S", Json.write(input(sample()).put("fileName", "wsa.odt")));

        assertThat(run.status()).as("%s", run).isEqualTo(200);
        JsonNode output = run.json().path("output");
        assertThat(output.path("name").asText()).isEqualTo("wsa.odt");
        HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/v1/results/" + output.path("resultId").asText() + "/data"))
                .header("X-API-Key", ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/vnd.oasis.opendocument.text");
        assertThat((long) download.body().length).isEqualTo(output.path("bytes").asLong());
        assertThat(new String(download.body(), 30, 8, StandardCharsets.US_ASCII)).as("an ODF zip starts with its mimetype")
                .isEqualTo("mimetype");
    }

    @Test
    void eventWithoutATitleIsRefusedNamingItAndNothingIsStored() throws IOException {
        ObjectNode event = sample();
        event.remove("title");

        assertRefused(submit(input(event)), "tasks[0].input.event.title");
    }

    @Test
    void contributionWithoutATitleIsRefusedNamingItAndNothingIsStored() throws IOException {
        ObjectNode event = sample();
        ((ObjectNode) event.path("contributions").path(3)).remove("title");

        assertRefused(submit(input(event)), "tasks[0].input.event.contributions[3].title");
    }

    @Test
    void malformedDateAndOutOfRangeExpiryAreRefused() throws IOException {
        ObjectNode event = sample().put("startDate", "16/03/2026");
        assertRefused(submit(input(event)), "tasks[0].input.event.startDate");

        ObjectNode input = input(sample()).put("expiresInHours", 721);
        assertRefused(submit(input), "tasks[0].input.expiresInHours");
    }

    private void assertRefused(Api.Reply reply, String field) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("field").asText()).isEqualTo(field);
        assertThat(api.get("/v1/sessions/" + session + "/tasks").json().path("items")).isEmpty();
    }

    private Api.Reply submit(ObjectNode input) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode tasks = body.putArray("tasks");
        tasks.addObject().put("type", "booklet").set("input", input);
        return api.post("/v1/sessions/" + session + "/tasks", Json.write(body));
    }

    private static ObjectNode input(ObjectNode event) {
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.set("event", event);
        return input;
    }

    private static ObjectNode sample() throws IOException {
        return (ObjectNode) Json.parse(Files.readString(SAMPLE));
    }
}
