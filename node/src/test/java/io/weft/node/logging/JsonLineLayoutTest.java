package io.weft.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLineLayoutTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final JsonLineLayout layout = new JsonLineLayout();

    JsonLineLayoutTest() {
        layout.setContext(context);
        layout.start();
    }

    @Test
    void anEventIsOneJsonLineWithTheTaskAndSessionOfItsMessage() throws Exception {
        String line = layout.doLayout(event("task={} session={} attempt={} said \"hi\"\tthere",
                new Object[] {"t-1", "s-9", 2}, null));

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("logger").asText()).isEqualTo("weft.task");
        assertThat(json.path("message").asText()).isEqualTo("task=t-1 session=s-9 attempt=2 said \"hi\"\tthere");
        assertThat(json.path("task").asText()).isEqualTo("t-1");
        assertThat(json.path("session").asText()).isEqualTo("s-9");
        assertThat(json.path("attempt").asText()).isEqualTo("2");
        assertThat(json.path("time").asText()).endsWith("Z");
    }

    @Test
    void aStackTraceStaysOnTheEventsLine() throws Exception {
        String line = layout.doLayout(event("sweep failed", null, new IllegalStateException("boom")));

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("error").asText()).startsWith("java.lang.IllegalStateException: boom")
                .contains("\n\tat io.weft.node.logging.JsonLineLayoutTest");
        assertThat(json.has("task")).isFalse();
    }

    @Test
    void mdcEntriesBecomeFields() throws Exception {
        LoggingEvent event = event("claimed", null, null);
        event.setMDCPropertyMap(Map.of("session", "s-3"));

        assertThat(new ObjectMapper().readTree(layout.doLayout(event)).path("session").asText()).isEqualTo("s-3");
    }

    private LoggingEvent event(String message, Object[] args, Throwable error) {
        Logger logger = context.getLogger("weft.task");
        return new LoggingEvent(JsonLineLayoutTest.class.getName(), logger, Level.INFO, message, error, args);
    }
}
