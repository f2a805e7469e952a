package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.result.ResultStatus;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks that wait for the results of other tasks: chains, fans, diamonds and failures among them. */
class DataDependencyTest {

    private static final TaskOptions NO_RETRY = TaskOptions.builder().maxRetries(0).build();

    private static TestCluster cluster;
    private static WeftClient client;
    private String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.withHandlers("dependencies", 1, Map.of("concat", 64), GraphHandlers.all());
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void newSession() {
        session = client.sessions().create("graph", Map.of()).id();
    }

    @Test
    void chainOfAThousandTasksPassesItsDataAlongInOrder() throws Exception {
        int length = 1_000;
        List<String> links = newResults(length + 1);
        upload(links.get(0), "0");
        List<TaskSpec> chain = new ArrayList<>();
        for (int i = 1; i <= length; i++) {
            chain.add(concat(String.valueOf(i), List.of(links.get(i - 1)), List.of(links.get(i))));
        }

        List<Task> submitted = client.tasks().submit(session, chain);

        assertThat(submitted.get(length - 1).status()).isEqualTo(TaskStatus.WAITING);
        Task last = client.tasks().await(submitted.get(length - 1).id()).get(180, TimeUnit.SECONDS);
        assertThat(last.status()).isEqualTo(TaskStatus.SUCCEEDED);
        String expected = IntStream.rangeClosed(0, length).mapToObj(String::valueOf).collect(Collectors.joining(","));
        assertThat(download(links.get(length))).isEqualTo(expected);
    }

    @Test
    void fanOutStartsAThousandWaitingTasksWhenTheirOneInputCompletes() throws Exception {
        String shared = newResults(1).get(0);
        List<TaskSpec> consumers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            consumers.add(concat("c" + i, List.of(shared), List.of()));
        }
        List<Task> waiting = client.tasks().submit(session, consumers);
        assertThat(waiting).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.WAITING));

        Task producer = client.tasks().submit(session, concat("root", List.of(), List.of(shared)));

        Instant producerStarted = client.tasks().await(producer.id()).get(60, TimeUnit.SECONDS).startedAt();
        assertThat(awaitAll(waiting)).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED);
            // Its output completes inside the producer's run, so consumers may start before it ends.
            assertThat(t.history().get(1).at()).as("left WAITING").isAfterOrEqualTo(producerStarted);
        });
        assertThat(awaitAll(waiting).get(7).output()).isEqualTo("{\"text\":\"root,c7\"}");
    }

    @Test
    void fanInWaitsForAsManyProducersAsATaskMayNameAndReadsThemAll() throws Exception {
        List<String> parts = newResults(TaskSpec.MAX_INPUTS);
        String total = newResults(1).get(0);
        Task sink = client.tasks().submit(session, concat("sum", parts, List.of(total)));
        List<TaskSpec> producers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            producers.add(concat("p" + i, List.of(), List.of(parts.get(i))));
        }

        client.tasks().submit(session, producers);

        assertThat(client.tasks().await(sink.id()).get(120, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        String expected = IntStream.range(0, TaskSpec.MAX_INPUTS).mapToObj(i -> "p" + i).collect(Collectors.joining(",")) + ",sum";
        assertThat(download(total)).isEqualTo(expected);
    }

    @Test
    void waitingTaskListsTheInputsStillPendingAndStartsWithTheLast() throws Exception {
        List<String> r = newResults(3);
        Task consumer = client.tasks().submit(session,
                concat("joined", List.of(r.get(0), r.get(1), r.get(0), r.get(2)), List.of()));

        upload(r.get(0), "a");
        assertPendingSoon(consumer, List.of(r.get(1), r.get(2)));
        upload(r.get(2), "c");
        assertPendingSoon(consumer, List.of(r.get(1)));
        assertThat(client.tasks().get(consumer.id()).orElseThrow().status()).isEqualTo(TaskStatus.WAITING);
        upload(r.get(1), "b");

        Task done = client.tasks().await(consumer.id()).get(30, TimeUnit.SECONDS);
        assertThat(done.output()).isEqualTo("{\"text\":\"a,b,a,c,joined\"}");
        assertThat(client.tasks().pendingInputs(done)).isEmpty();
    }

    @Test
    void taskWhoseInputsCompletedBeforeItsSubmitStartsAtOnce() throws Exception {
        List<String> r = newResults(2);
        upload(r.get(0), "x");
        upload(r.get(1), "y");

        Task consumer = client.tasks().submit(session, concat("late", r, List.of()));

        Task done = client.tasks().await(consumer.id()).get(30, TimeUnit.SECONDS);
        assertThat(done.output()).isEqualTo("{\"text\":\"x,y,late\"}");
    }

    @Test
    void diamondJoinsBothBranchesOfTheSameSource() throws Exception {
        List<String> r = newResults(4);
        List<Task> tasks = client.tasks().submit(session, List.of(
                concat("d", List.of(r.get(1), r.get(2)), List.of(r.get(3))),
                concat("b", List.of(r.get(0)), List.of(r.get(1))),
                concat("c", List.of(r.get(0)), List.of(r.get(2))),
                concat("a", List.of(), List.of(r.get(0)))));

        assertThat(awaitAll(tasks)).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
        assertThat(download(r.get(3))).isEqualTo("a,b,a,c,d");
    }

    @Test
    void producerThatFailsForGoodFailsEveryTaskDownstreamAndNoOther() throws Exception {
        List<String> r = newResults(4);
        List<Task> tasks = client.tasks().submit(session, List.of(
                concat("a", List.of(), List.of(r.get(0))),
                new TaskSpec("fail", "{}", NO_RETRY, List.of(r.get(0)), List.of(r.get(1)), null, null),
                concat("c", List.of(r.get(1)), List.of(r.get(2))),
                concat("d", List.of(r.get(2)), List.of()),
                concat("e", List.of(r.get(0)), List.of(r.get(3)))));

        List<Task> done = awaitAll(tasks);

        assertThat(done.get(0).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.get(1).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.get(1).error().type()).isEqualTo(ErrorType.HANDLER_ERROR);
        for (Task downstream : List.of(done.get(2), done.get(3))) {
            assertThat(downstream.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(downstream.error().type()).isEqualTo(ErrorType.DEPENDENCY_FAILED);
            assertThat(downstream.startedAt()).as("never started").isNull();
        }
        assertThat(done.get(4).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(client.results().get(r.get(1)).orElseThrow().status()).isEqualTo(ResultStatus.ABORTED);
        assertThat(client.results().get(r.get(2)).orElseThrow().status()).isEqualTo(ResultStatus.ABORTED);
        assertThat(client.results().get(r.get(3)).orElseThrow().status()).isEqualTo(ResultStatus.COMPLETED);
    }

    @Test
    void taskWaitingForAnUploadStartsWhenTheUploadCompletes() throws Exception {
        String input = newResults(1).get(0);
        Task consumer = client.tasks().submit(session, concat("after-upload", List.of(input), List.of()));
        assertThat(client.tasks().get(consumer.id()).orElseThrow().status()).isEqualTo(TaskStatus.WAITING);

        upload(input, "uploaded");

        Task done = client.tasks().await(consumer.id()).get(30, TimeUnit.SECONDS);
        assertThat(done.output()).isEqualTo("{\"text\":\"uploaded,after-upload\"}");
    }

    /** Settling is told by an event, so the tally catches up a moment after the upload returns. */
    private static void assertPendingSoon(Task task, List<String> expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.tasks().pendingInputs(client.tasks().get(task.id()).orElseThrow()), expected::equals);
    }

    private static TaskSpec concat(String label, List<String> dependsOn, List<String> outputs) {
        return new TaskSpec("concat", "{\"label\":\"" + label + "\"}", NO_RETRY, dependsOn, outputs, null, null);
    }

    private List<String> newResults(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(client.results().create(session, "r" + i, "text/plain", Duration.ofHours(1)).id());
        }
        return ids;
    }

    private static void upload(String resultId, String text) {
        client.results().upload(resultId, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String download(String resultId) throws IOException {
        try (InputStream in = client.results().openDownload(resultId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Task> awaitAll(List<Task> tasks) throws Exception {
        List<CompletableFuture<Task>> futures = tasks.stream().map(t -> client.tasks().await(t.id())).toList();
        List<Task> done = new ArrayList<>(futures.size());
        for (CompletableFuture<Task> future : futures) {
            done.add(future.get(120, TimeUnit.SECONDS));
        }
        return done;
    }
}
