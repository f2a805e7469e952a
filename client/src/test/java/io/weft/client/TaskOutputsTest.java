package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A task's outputs are its to produce; what it names must exist in its session, and may not be taken. */
class TaskOutputsTest {

    private static final TaskOptions NO_RETRY = TaskOptions.builder().maxRetries(0).build();

    private static TestCluster cluster;
    private static WeftClient client;
    private String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.withHandlers("outputs", 1, Map.of(), GraphHandlers.all());
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void newSession() {
        session = client.sessions().create("outputs", Map.of()).id();
    }

    @Test
    void taskThatReturnsWithoutWritingItsOutputFailsWithMissingOutputAndAbortsIt() throws Exception {
        String output = newResult(session);
        Task task = client.tasks().submit(session, new TaskSpec("echo", "{}", NO_RETRY, null, List.of(output), null, null));

        Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.error().type()).isEqualTo(ErrorType.MISSING_OUTPUT);
        assertThat(done.error().message()).contains(output);
        assertThat(done.attempt()).as("a missing output is not retried").isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> client.results().get(output).orElseThrow().status() == ResultStatus.ABORTED);
        ResultMeta aborted = client.results().get(output).orElseThrow();
        assertThat(aborted.status()).isEqualTo(ResultStatus.ABORTED);
        assertThat(aborted.ownerTaskId()).isEqualTo(task.id());
    }

    @Test
    void taskThatWritesItsOutputSucceedsAndOwnsIt() throws Exception {
        String output = newResult(session);
        Task task = client.tasks().submit(session, concat(List.of(), List.of(output)));

        assertThat(client.tasks().await(task.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);
        ResultMeta completed = client.results().get(output).orElseThrow();
        assertThat(completed.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(completed.ownerTaskId()).isEqualTo(task.id());
    }

    @Test
    void bytesWrittenByAFailedAttemptAreDiscardedAndTheRetryWritesTheOutputAfresh() throws Exception {
        String output = newResult(session);
        Task task = client.tasks().submit(session, new TaskSpec("write-then-fail", "{\"failures\": 1}",
                TaskOptions.builder().maxRetries(1).backoff(Duration.ofMillis(10)).build(), null, List.of(output), null, null));

        Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.attempt()).isEqualTo(2);
        try (InputStream in = client.results().openDownload(output)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("attempt 2");
        }
    }

    @Test
    void outputWrittenByAnAttemptThatFailedForGoodIsAbortedNotCompleted() throws Exception {
        String output = newResult(session);
        Task task = client.tasks().submit(session, new TaskSpec("write-then-fail", "{\"failures\": 5}", NO_RETRY, null,
                List.of(output), null, null));

        assertThat(client.tasks().await(task.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.FAILED);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> client.results().get(output).orElseThrow().status() == ResultStatus.ABORTED);
    }

    @Test
    void cancellingAProducerAbortsItsOutputAndFailsItsConsumers() throws Exception {
        String output = newResult(session);
        Task producer = client.tasks().submit(session, new TaskSpec("sleep", "{\"ms\": 60000}", NO_RETRY, null,
                List.of(output), null, null));
        Task consumer = client.tasks().submit(session, concat(List.of(output), List.of()));

        client.tasks().cancel(producer.id());

        Task failed = client.tasks().await(consumer.id()).get(30, TimeUnit.SECONDS);
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error().type()).isEqualTo(ErrorType.DEPENDENCY_FAILED);
        assertThat(client.results().get(output).orElseThrow().status()).isEqualTo(ResultStatus.ABORTED);
    }

    @Test
    void submitRefusesAnInputThatDoesNotExistAndStoresNothing() {
        int before = cluster.tasksMap().size();

        assertThatThrownBy(() -> client.tasks().submit(session, List.of(concat(List.of(), List.of()),
                concat(List.of("r-nope"), List.of()))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks[1].dependsOn[0]"));
        assertThat(cluster.tasksMap().size()).isEqualTo(before);
    }

    @Test
    void submitRefusesAResultOfAnotherSessionAsIfItDidNotExist() {
        String other = client.sessions().create("other", Map.of()).id();
        String foreign = newResult(other);

        assertThatThrownBy(() -> client.tasks().submit(session, concat(List.of(foreign), List.of())))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("tasks[0].dependsOn[0]");
                    assertThat(e.getMessage()).contains("not in session");
                });
        assertThatThrownBy(() -> client.tasks().submit(session, concat(List.of(), List.of(foreign))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks[0].outputs[0]"));
        assertThat(client.results().get(foreign).orElseThrow().ownerTaskId()).isNull();
    }

    @Test
    void submitRefusesAnOutputThatIsCompletedOrProducedByAnotherTask() {
        String uploaded = newResult(session);
        client.results().upload(uploaded, new ByteArrayInputStream(new byte[] {1}));
        String taken = newResult(session);
        String neverUploaded = newResult(session);
        Task owner = client.tasks().submit(session, concat(List.of(neverUploaded), List.of(taken)));

        assertThatThrownBy(() -> client.tasks().submit(session, concat(List.of(), List.of(uploaded))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("COMPLETED"));
        assertThatThrownBy(() -> client.tasks().submit(session, concat(List.of(), List.of(taken))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains(owner.id()));
    }

    @Test
    void submitRefusesTwoTasksOfOneBatchProducingTheSameResultAndLeavesItUnowned() {
        String output = newResult(session);

        assertThatThrownBy(() -> client.tasks().submit(session, List.of(concat(List.of(), List.of(output)),
                concat(List.of(), List.of(output)))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks[1].outputs[0]"));
        assertThat(client.results().get(output).orElseThrow().ownerTaskId()).isNull();
    }

    @Test
    void submitRefusesATaskThatWaitsForItsOwnOutput() {
        String output = newResult(session);

        assertThatThrownBy(() -> client.tasks().submit(session, concat(List.of(output), List.of(output))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("own output"));
    }

    private static TaskSpec concat(List<String> dependsOn, List<String> outputs) {
        return new TaskSpec("concat", "{\"label\":\"x\"}", NO_RETRY, dependsOn, outputs, null, null);
    }

    private static String newResult(String sessionId) {
        return client.results().create(sessionId, "r", "text/plain", Duration.ofHours(1)).id();
    }
}
