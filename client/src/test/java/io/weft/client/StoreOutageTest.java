package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import io.weft.store.StoreSettings;
import io.weft.store.testing.TestStores;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database goes away for 20 s under load and comes back: tasks keep running from memory
 * meanwhile, the node says it is degraded and why, the failures are counted, and once the database
 * is back the queues drain and nothing is lost (a restart on the store finds every task). The
 * PostgreSQL server is one of this test's own (bin/weft-postgres in a folder and on a port of its
 * own), so stopping it touches no other test.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StoreOutageTest {

    private static final Path SCRIPT = Path.of("..", "bin", "weft-postgres").toAbsolutePath().normalize();
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private final Path serverDir = createServerDir();
    private final int serverPort = freePort();
    private final String cluster = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    private final int memberPort = freePort();
    private WeftNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.terminate();
        }
        server("stop");
        try (var files = Files.walk(serverDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void tasksRunWhileTheDatabaseIsAwayAndNoneIsLostOnceItIsBack() throws Exception {
        server("start");
        StoreSettings store = TestStores.postgresAt("jdbc:postgresql://127.0.0.1:" + serverPort + "/weft", "weft", "weft", 1);
        node = start(store);
        WeftClient weft = WeftClient.embedded(node.hazelcast());
        String session = weft.sessions().create("outage", Map.of()).id();
        List<Task> submitted = new ArrayList<>(submitAndAwait(weft, session, 500));

        long outageStarted = System.nanoTime();
        server("stop");
        submitted.addAll(submitAndAwait(weft, session, 1_000));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(node.health().detail()).as("health while the store is away")
                        .contains("the last store write failed"));
        assertThat(node.health().ready()).as("still takes work from memory").isTrue();
        assertThat(failures()).isPositive();
        submitted.addAll(submitAndAwait(weft, session, 500));
        long left = OUTAGE.toNanos() - (System.nanoTime() - outageStarted);
        if (left > 0) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
        server("start");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(node.health().detail()).as("health once the store is back").isNull();
            assertThat(pendingWrites()).as("changes waiting to be stored").isZero();
        });
        node.shutdown();
        node = start(store);
        WeftClient restarted = WeftClient.embedded(node.hazelcast());
        for (Task task : submitted) {
            assertThat(restarted.tasks().get(task.id()).map(Task::status)).as(task.id()).contains(TaskStatus.SUCCEEDED);
        }
    }

    private List<Task> submitAndAwait(WeftClient weft, String session, int count) throws Exception {
        List<TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(TaskSpec.of("echo", "{\"i\": " + i + "}"));
        }
        List<Task> tasks = weft.tasks().submit(session, specs);
        for (Task task : tasks) {
            assertThat(weft.tasks().await(task.id()).get(60, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        }
        return tasks;
    }

    private WeftNode start(StoreSettings store) {
        return WeftNode.start(NodeSettings.builder().clusterName(cluster).members(List.of("127.0.0.1")).port(memberPort)
                .metricsPort(0).gracePeriod(Duration.ofSeconds(2)).store(store).build());
    }

    private double failures() {
        Double failed = node.metrics().registry().getSampleValue("weft_store_write_failures_total",
                new String[] {"table"}, new String[] {"tasks"});
        return failed == null ? 0 : failed;
    }

    private double pendingWrites() {
        return node.metrics().registry().getSampleValue("weft_store_pending_writes");
    }

    private void server(String verb) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), verb).redirectErrorStream(true);
        builder.environment().put("WEFT_PG_DIR", serverDir.toString());
        builder.environment().put("WEFT_PG_PORT", String.valueOf(serverPort));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("bin/weft-postgres %s ended", verb).isTrue();
        assertThat(process.exitValue()).as("bin/weft-postgres %s: %s", verb, output).isZero();
    }

    private static Path createServerDir() {
        try {
            return Files.createTempDirectory("weft-outage-pg");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
