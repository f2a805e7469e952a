package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cp.lock.FencedLock;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.embedded.Grid;
import io.weft.model.grid.GridNames;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Calls into a grid that cannot answer, under {@code WEFT_GRID_TIMEOUT=PT1S}: the session's FencedLock is
 * held by another thread, as a member frozen while holding it would hold it, so a lifecycle change waits on it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridBudgetApiTest implements GatewayTest {

    private static final Duration BUDGET = Duration.ofSeconds(1);
    /** The budget, and room for a loaded machine; far less than the hang it replaces. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(8);

    /** A FencedLock belongs to the thread that took it: this one takes and releases it. */
    private final ExecutorService lockHolder = Executors.newSingleThreadExecutor();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Grid grid;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.port", String.valueOf(FreePort.onLoopback()), "weft.grid-timeout", BUDGET.toString());
    }

    @AfterAll
    void stopLockHolder() {
        lockHolder.shutdownNow();
    }

    @Test
    void callTheGridCannotAnswerInTimeIs503WithRetryAfterWithinTheBudget() throws Exception {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"stuck\"}").json().path("id").asText();
        FencedLock lock = grid.hazelcast().getCPSubsystem().getLock(GridNames.sessionLock(session));
        lockHolder.submit(lock::lock).get(10, TimeUnit.SECONDS);
        try {
            long start = System.nanoTime();

            Api.Reply stuck = api.post("/v1/sessions/" + session + "/pause", "");

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(stuck.status()).as(stuck.text()).isEqualTo(503);
            assertThat(stuck.contentType()).startsWith("application/problem+json");
            assertThat(stuck.header("Retry-After")).isEqualTo("1");
            assertThat(stuck.json().path("detail").asText()).contains("did not answer within PT1S");
            assertThat(took).isGreaterThanOrEqualTo(BUDGET).isLessThan(ANSWERED_WITHIN);
            assertThat(api.get("/v1/sessions/" + session).status()).as("calls that need no lock still answer").isEqualTo(200);
        } finally {
            lockHolder.submit(lock::unlock).get(10, TimeUnit.SECONDS);
        }
        // The call left behind ends when the grid answers, and may still take effect, as the answer said.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/sessions/" + session).json().path("state").asText().equals("PAUSED"));
    }

    @Test
    void callsTheGridAnswersInTimeAreUnchanged() {
        Api api = new Api(http, ADMIN_KEY);
        String session = api.post("/v1/sessions", "{\"name\": \"fine\"}").json().path("id").asText();

        Api.Reply paused = api.post("/v1/sessions/" + session + "/pause", "");

        assertThat(paused.status()).isEqualTo(200);
        assertThat(api.post("/v1/sessions/s-nosuch/pause", "").status()).as("a refusal keeps its own status").isEqualTo(404);
        assertThat(api.post("/v1/sessions/" + session + "/pause", "").status()).as("a wrong state keeps its 409").isEqualTo(409);
    }
}
