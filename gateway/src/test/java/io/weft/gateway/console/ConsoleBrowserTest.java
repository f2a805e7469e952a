package io.weft.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.Api;
import io.weft.gateway.GatewayTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console in a real browser: headless Debian chromium driven by playwright-core
 * ({@code src/test/console/console.spec.mjs}, one step per scenario) against this gateway and its
 * embedded member. Screenshots go to {@code target/console-screenshots}, or to the folder named by
 * {@code -Dweft.console.screenshots} (e.g. {@code ../docs/img}) or {@code WEFT_CONSOLE_SCREENSHOTS}.
 * The last step runs the {@code booklet} task type with {@code docs/examples/indico-event.json}: both
 * come with the booklet handler, and the step fails, naming what is missing, until they are there.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest implements GatewayTest {

    private static final Path SPEC_FOLDER = Path.of("src/test/console").toAbsolutePath();
    private static final Path EVENT_FILE = Path.of("../docs/examples/indico-event.json").toAbsolutePath().normalize();
    /** The spec's own steps wait 20 s each at most (60 s for the longest); this bounds the whole. */
    private static final Duration SPEC_TIMEOUT = Duration.ofMinutes(5);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> extraProperties() {
        // Enough slots that a hundred short sleeps finish within seconds on two cores.
        return Map.of("weft.slots", "sleep=16");
    }

    @Test
    void everyConsoleScenarioPassesInHeadlessChromium() throws Exception {
        BrowserTools.ensureChromiumAndNode();
        BrowserTools.ensureNodeModules(SPEC_FOLDER);
        String userKey = new Api(http, ADMIN_KEY)
                .post("/v1/keys", "{\"name\": \"console-user\", \"scopes\": [\"submit\", \"read\"]}")
                .json().path("secret").asText();
        assertThat(userKey).as("the read + submit key's secret").isNotBlank();

        BrowserTools.Outcome outcome = BrowserTools.run(SPEC_FOLDER, SPEC_TIMEOUT, Map.of(
                "WEFT_URL", "http://127.0.0.1:" + server.getPort(),
                "WEFT_ADMIN_KEY", ADMIN_KEY,
                "WEFT_USER_KEY", userKey,
                "WEFT_SCREENSHOTS", screenshots().toString(),
                "WEFT_EVENT_FILE", EVENT_FILE.toString()), "node", "console.spec.mjs");

        System.out.println(outcome.output());
        assertThat(outcome.exitCode()).as("console.spec.mjs failed:%n%s", outcome.output()).isZero();
    }

    private static Path screenshots() {
        String chosen = System.getProperty("weft.console.screenshots", System.getenv("WEFT_CONSOLE_SCREENSHOTS"));
        return (chosen == null || chosen.isBlank() ? Path.of("target/console-screenshots") : Path.of(chosen))
                .toAbsolutePath().normalize();
    }
}
