package io.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the benchmark in its short mode so it cannot rot; asserts what it did, never how fast. */
class BenchShortModeTest {

    @Test
    void shortBenchmarkRunsEveryScenarioAndEveryTaskSucceeds() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        long failures = new BenchMain(true, new PrintStream(printed, true, StandardCharsets.UTF_8)).runAll();
        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(failures).isZero();
        assertThat(report).contains("echo-embedded").contains("echo-client-jvm").contains("latency-idle").contains("grid-limit").contains("ratio")
                .contains("task-floor").contains("ratio-floor")
                .contains("chain").contains("fan-in").contains("gateway-echo").contains("gateway-run-idle").contains("jobrunr-peer")
                .contains("ratio-jobrunr").contains("echo-tenth").contains("jobrunr-peer-tenth").contains("ratio-jobrunr-tenth").contains("fixed-rate").contains("queued-heap").contains("failover").contains("delayed")
                .contains("micro            TaskRecordBenchmark.taskRoundTrip");
    }
}
