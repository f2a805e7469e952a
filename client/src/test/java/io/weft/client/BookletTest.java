package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.Json;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code booklet} task type end to end on a real member: the sample event becomes an .odt result
 * that expires when asked, and that LibreOffice opens and prints with every title in it.
 */
class BookletTest {

    private static final Path SAMPLE = Path.of("..", "docs", "examples", "indico-event.json");
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final TaskOptions NO_RETRY = TaskOptions.builder().maxRetries(0).build();

    private static TestCluster cluster;
    private static WeftClient client;
    private static JsonNode sample;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.of("booklet", 1);
        client = cluster.client();
        sample = Json.parse(Files.readString(SAMPLE));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void sampleEventBecomesABookletThatLibreOfficePrintsWithEveryTitle(@TempDir Path tmp) throws Exception {
        // CI installs LibreOffice and poppler (.ci/run); there a missing tool fails the test instead of skipping it.
        Assumptions.assumeTrue(OfficeConverter.available() || System.getenv("CI") != null,
                "libreoffice and pdftotext are not installed (apt-get install libreoffice-writer-nogui poppler-utils)");
        ObjectNode input = Json.MAPPER.createObjectNode().put("expiresInHours", 2);
        input.set("event", sample);

        JsonNode output = runBooklet(input);

        String resultId = output.path("resultId").asText();
        ResultMeta result = client.results().get(resultId).orElseThrow();
        assertThat(result.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(result.contentType()).isEqualTo(ODT);
        assertThat(Duration.between(result.createdAt(), result.expiresAt())).isEqualTo(Duration.ofHours(2));
        assertThat(output.path("name").asText()).isEqualTo("workshop-on-streaming-analysis-for-large-physics-experiments-2026.odt");
        assertThat(output.path("contentType").asText()).isEqualTo(ODT);
        assertThat(output.path("contributions").asInt()).isEqualTo(16);
        assertThat(output.path("sessions").asInt()).isEqualTo(4);

        Path odt = tmp.resolve("booklet.odt");
        try (InputStream in = client.results().openDownload(resultId)) {
            Files.copy(in, odt);
        }
        byte[] bytes = Files.readAllBytes(odt);
        assertThat((long) bytes.length).isEqualTo(output.path("bytes").asLong()).isEqualTo(result.size());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(output.path("sha256").asText()).isEqualTo(result.sha256());

        String pdfText = words(OfficeConverter.text(OfficeConverter.toPdf(odt, tmp)));
        assertThat(pdfText).contains(words(sample.path("title").asText()));
        for (JsonNode contribution : sample.path("contributions")) {
            assertThat(pdfText).contains(words(contribution.path("title").asText()));
        }
        assertThat(pdfText).contains("Jürgen Müller", "Zoë Ñúñez");
    }

    @Test
    void bookletWritesIntoTheTasksDeclaredOutputWhenItHasOne() throws Exception {
        String session = client.sessions().create("booklet", Map.of()).id();
        String created = client.results().create(session, "programme.odt", ODT, Duration.ofHours(3)).id();
        ResultMeta declared = client.results().get(created).orElseThrow();
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.set("event", sample);

        Task done = client.tasks().submit(session, new TaskSpec("booklet", Json.write(input), NO_RETRY, null,
                List.of(declared.id()), null, null));
        Task finished = client.tasks().await(done.id()).get(60, TimeUnit.SECONDS);

        assertThat(finished.status()).as("error: %s", finished.error()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(Json.parse(finished.output()).path("resultId").asText()).isEqualTo(declared.id());
        ResultMeta written = client.results().get(declared.id()).orElseThrow();
        assertThat(written.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(written.size()).isPositive();
        assertThat(written.expiresAt()).as("a declared output keeps its own expiry").isEqualTo(declared.expiresAt());
    }

    @Test
    void contributionNamingAnUnknownSessionFailsTheTaskNamingTheField() throws Exception {
        ObjectNode event = Json.MAPPER.createObjectNode().put("title", "Broken");
        event.putArray("contributions").addObject().put("title", "Lost talk").put("session", "nowhere");
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.set("event", event);
        String session = client.sessions().create("booklet", Map.of()).id();

        Task done = client.tasks().submit(session, new TaskSpec("booklet", Json.write(input), NO_RETRY, null, List.of(), null, null));
        Task failed = client.tasks().await(done.id()).get(60, TimeUnit.SECONDS);

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error().message()).contains("input.event.contributions[0].session", "nowhere");
    }

    private static JsonNode runBooklet(JsonNode input) throws Exception {
        String session = client.sessions().create("booklet", Map.of()).id();
        Task submitted = client.tasks().submit(session, new TaskSpec("booklet", Json.write(input), NO_RETRY, null,
                List.of(), null, null));
        Task done = client.tasks().await(submitted.id()).get(60, TimeUnit.SECONDS);
        assertThat(done.status()).as("error: %s", done.error()).isEqualTo(TaskStatus.SUCCEEDED);
        return Json.parse(done.output());
    }

    /**
     * Text as a PDF gives it back: ligatures unfolded (NFKC), every run of whitespace (a wrapped line)
     * one space, and none after a hyphen (a line wrapped at "Burn-Out").
     */
    private static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").replace("- ", "-").strip();
    }
}
