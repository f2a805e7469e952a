package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.embedded.Grid;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleLimits;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.schedule.ScheduleState;
import io.weft.model.task.TaskSpec;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Schedules under {@code WEFT_SCHEDULE_MIN_INTERVAL=PT1M}: refused over HTTP, through WeftClient, and by the firer. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleMinIntervalApiTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Grid grid;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("weft.port", String.valueOf(FreePort.onLoopback()), "weft.schedule-min-interval", "PT1M");
    }

    @Test
    void cronFasterThanTheMinimumIsRefusedNamingCronAndNothingIsStored() {
        Api api = new Api(http, ADMIN_KEY);
        String session = session(api);

        Api.Reply refused = api.post("/v1/schedules", "{\"sessionId\": \"" + session + "\", \"cron\": \"*/10 * * * * *\","
                + " \"task\": {\"type\": \"echo\", \"input\": {}}}");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("field").asText()).isEqualTo("cron");
        assertThat(refused.json().path("detail").asText()).contains(ScheduleLimits.VARIABLE);
        assertThat(api.get("/v1/schedules?sessionId=" + session).json()).isEmpty();
    }

    @Test
    void intervalFasterThanTheMinimumIsRefusedNamingEvery() {
        Api api = new Api(http, ADMIN_KEY);
        String session = session(api);

        Api.Reply refused = api.post("/v1/schedules", "{\"sessionId\": \"" + session + "\", \"every\": \"PT10S\","
                + " \"task\": {\"type\": \"echo\", \"input\": {}}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("every");
        assertThat(api.get("/v1/schedules?sessionId=" + session).json()).isEmpty();
    }

    @Test
    void intervalOfTheMinimumIsAccepted() {
        Api api = new Api(http, ADMIN_KEY);

        Api.Reply created = api.post("/v1/schedules", "{\"sessionId\": \"" + session(api) + "\", \"every\": \"PT1M\","
                + " \"task\": {\"type\": \"echo\", \"input\": {}}}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void javaClientIsRefusedTooByTheMinimumTheNodesPublished() {
        String session = grid.client().sessions().create("java", Map.of()).id();

        assertThatThrownBy(() -> grid.client().schedules().create(ScheduleSpec.cron(session, "* * * * * *", null,
                TaskSpec.of("echo", "{}"))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cron"));
        assertThat(grid.client().schedules().list(session)).isEmpty();
    }

    @Test
    void scheduleWrittenIntoTheGridPastTheCheckFiresNoTaskAndPausesItself() {
        String session = grid.client().sessions().create("direct", Map.of()).id();
        ScheduleSpec everySecond = ScheduleSpec.every(session, Duration.ofSeconds(1), TaskSpec.of("echo", "{}")).withMaxFailures(1);
        Schedule schedule = Schedule.create("sch-direct-" + System.nanoTime(), everySecond, Instant.now());
        IMap<String, Schedule> schedules = grid.hazelcast().getMap(GridNames.SCHEDULES);

        schedules.set(schedule.id(), schedule);

        await().atMost(Duration.ofSeconds(20)).until(() -> schedules.get(schedule.id()).state() == ScheduleState.PAUSED);
        Schedule paused = schedules.get(schedule.id());
        assertThat(paused.reason()).contains(ScheduleLimits.VARIABLE);
        assertThat(paused.fired()).isZero();
        assertThat(grid.client().sessions().counts(session).total()).isZero();
    }

    private static String session(Api api) {
        return api.post("/v1/sessions", "{\"name\": \"min-interval\"}").json().path("id").asText();
    }
}
