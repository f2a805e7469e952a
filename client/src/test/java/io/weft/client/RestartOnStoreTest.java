package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.result.ResultMeta;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import io.weft.store.StoreSettings;
import io.weft.store.testing.TestStores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What was accepted survives the node's stop and start on the same store: sessions, finished and
 * delayed tasks, a task waiting for its input, a schedule, an idempotency key. A graceful stop loses
 * nothing in write-behind; a crash loses nothing in write-through, and the attempts it cut short run
 * again.
 */
class RestartOnStoreTest {

    @TempDir
    static Path dir;

    private final String cluster = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final int port = freePort();
    private WeftNode node;

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("file, write-behind", (StoreFactory) () -> TestStores.file(dir.resolve(UUID.randomUUID().toString()), 1)),
                Arguments.of("postgres, write-behind", (StoreFactory) () -> TestStores.postgres("restart_behind", 1)),
                Arguments.of("postgres, write-through", (StoreFactory) () -> TestStores.postgres("restart_through", 0)));
    }

    static Stream<Arguments> writeThroughStores() {
        return Stream.of(
                Arguments.of("file, write-through", (StoreFactory) () -> TestStores.file(dir.resolve(UUID.randomUUID().toString()), 0)),
                Arguments.of("postgres, write-through", (StoreFactory) () -> TestStores.postgres("crash_through", 0)));
    }

    interface StoreFactory {
        StoreSettings create();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.shutdown();
        }
    }

    private WeftClient start(StoreSettings store) {
        node = WeftNode.start(NodeSettings.builder().clusterName(cluster).members(List.of("127.0.0.1")).port(port)
                .metricsPort(0).sweepInterval(Duration.ofSeconds(1)).gracePeriod(Duration.ofSeconds(2)).store(store).build());
        return WeftClient.embedded(node.hazelcast());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everythingAcceptedSurvivesAGracefulStopAndStart(String name, StoreFactory stores) throws Exception {
        StoreSettings store = stores.create();
        WeftClient weft = start(store);
        String session = weft.sessions().create("kept", Map.of("team", "a")).id();
        List<TaskSpec> echoes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            echoes.add(TaskSpec.of("echo", "{\"i\": " + i + "}"));
        }
        List<Task> done = weft.tasks().submit(session, echoes);
        for (Task task : done) {
            weft.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
        }
        List<Task> delayed = weft.tasks().submit(session, List.of(
                TaskSpec.of("echo", "{\"late\": 1}").withOptions(TaskOptions.builder().delay(Duration.ofSeconds(6)).build()),
                TaskSpec.of("echo", "{\"late\": 2}").withOptions(TaskOptions.builder().delay(Duration.ofSeconds(6)).build())));
        ResultMeta input = weft.results().create(session, "in.txt", "text/plain", Duration.ofHours(1));
        Task waiting = weft.tasks().submit(session, new TaskSpec("checksum", "{\"result\": \"" + input.id() + "\"}", null,
                List.of(input.id()), null, null, null));
        Task keyed = weft.tasks().submit(session, TaskSpec.of("echo", "{}").withIdempotencyKey("once"));
        Schedule schedule = weft.schedules().create(ScheduleSpec.cron(session, "0 0 3 * * *", "UTC", TaskSpec.of("echo", "{}")));
        assertThat(waiting.status()).isEqualTo(TaskStatus.WAITING);

        node.shutdown();
        node = null;
        weft = start(store);

        assertThat(weft.sessions().get(session)).isPresent();
        for (Task task : done) {
            assertThat(weft.tasks().get(task.id()).orElseThrow().status()).as(task.id()).isEqualTo(TaskStatus.SUCCEEDED);
        }
        for (Task task : delayed) {
            Task ran = weft.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            assertThat(ran.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(ran.startedAt()).isAfterOrEqualTo(task.dueAt());
        }
        assertThat(weft.tasks().get(waiting.id()).orElseThrow().status()).isEqualTo(TaskStatus.WAITING);
        weft.results().upload(input.id(), new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)));
        assertThat(weft.tasks().await(waiting.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(weft.tasks().submit(session, TaskSpec.of("echo", "{}").withIdempotencyKey("once")).id())
                .isEqualTo(keyed.id());
        assertThat(weft.schedules().get(schedule.id())).isPresent();
        WeftClient restarted = weft;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(CountsOf.kept(restarted, session))
                .as("the counts, recounted after the restart").isEqualTo(CountsOf.listed(restarted, session))
                .containsEntry(TaskStatus.SUCCEEDED, (long) done.size() + delayed.size() + 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeThroughStores")
    void attemptsACrashCutShortRunAgainAfterTheRestart(String name, StoreFactory stores) throws Exception {
        StoreSettings store = stores.create();
        WeftClient weft = start(store);
        String session = weft.sessions().create("crashed", Map.of()).id();
        List<TaskSpec> sleeps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sleeps.add(TaskSpec.of("sleep", "{\"ms\": 3000}"));
        }
        List<Task> submitted = weft.tasks().submit(session, sleeps);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (weft.tasks().list(session, TaskStatus.RUNNING).size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        node.terminate();
        node = null;
        weft = start(store);

        for (Task task : submitted) {
            Task ran = weft.tasks().await(task.id()).get(60, TimeUnit.SECONDS);
            assertThat(ran.status()).isEqualTo(TaskStatus.SUCCEEDED);
        }
        WeftClient restarted = weft;
        assertThat(submitted.stream().map(t -> restarted.tasks().get(t.id()).orElseThrow().attempt()))
                .as("the attempts the crash cut short ran again as attempt 2").contains(2);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
