package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.IMap;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client call refuses bad input with a message that names the field, and stores nothing. */
class BadInputTest {

    private static final TaskSpec ECHO = TaskSpec.of("echo", "{}");

    private static TestCluster cluster;
    private static WeftClient client;
    private static IMap<String, Task> tasks;
    private static IMap<String, ResultMeta> results;
    private String session;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.of("bad-input", 1);
        client = cluster.client();
        tasks = cluster.tasksMap();
        results = cluster.node(0).hazelcast().getMap(GridNames.RESULTS);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void newSession() {
        session = client.sessions().create("bad-input", Map.of()).id();
    }

    @Test
    void taskOfAnUnknownTypeIsRefusedNamingTheType() {
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, TaskSpec.of("no-such-type", "{}")),
                "tasks[0].type", "no-such-type");
    }

    @Test
    void batchWithOneBadTaskIsRefusedWhole() {
        List<TaskSpec> batch = List.of(ECHO, ECHO, TaskSpec.of("no-such-type", "{}"));
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, batch), "tasks[2].type", "no-such-type");
    }

    @Test
    void taskForAnUnknownSessionIsRefused() {
        int before = tasks.size();
        assertThatThrownBy(() -> client.tasks().submit("s-doesnotexist", ECHO))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("s-doesnotexist");
        assertThat(tasks.size()).isEqualTo(before);
    }

    @Test
    void emptyBatchIsRefused() {
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, List.of()), "tasks", "at least one");
    }

    @Test
    void batchOverTheLimitIsRefused() {
        List<TaskSpec> tooMany = Collections.nCopies(Tasks.MAX_BATCH + 1, ECHO);
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, tooMany), "tasks",
                String.valueOf(Tasks.MAX_BATCH));
    }

    @Test
    void batchRepeatingAnIdempotencyKeyIsRefused() {
        List<TaskSpec> batch = List.of(ECHO.withIdempotencyKey("k"), ECHO.withIdempotencyKey("other"),
                ECHO.withIdempotencyKey("k"));
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, batch), "tasks[2].idempotencyKey", "repeats");
    }

    @Test
    void taskDependingOnAResultThatDoesNotExistIsRefused() {
        TaskSpec dependent = new TaskSpec("echo", "{}", null, List.of("r-input"), null, null, null);
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, dependent), "tasks[0].dependsOn[0]",
                "not in session");
    }

    @Test
    void nullTaskInABatchIsRefused() {
        List<TaskSpec> batch = new ArrayList<>();
        batch.add(ECHO);
        batch.add(null);
        assertRefusedAndNothingStored(() -> client.tasks().submit(session, batch), "tasks[1]", "required");
    }

    @Test
    void invalidJsonInputIsRefusedWhenTheSpecIsBuilt() {
        assertRefusedAndNothingStored(() -> TaskSpec.of("echo", "{\"x\": "), "input", "not valid JSON");
        assertRefusedAndNothingStored(() -> TaskSpec.of("echo", "{} {}"), "input", "more than one");
    }

    @Test
    void optionsOutOfRangeAreRefusedWhenBuilt() {
        assertRefusedAndNothingStored(() -> TaskOptions.builder().priority(10).build(), "options.priority", "between");
        assertRefusedAndNothingStored(() -> TaskOptions.builder().timeout(Duration.ZERO).build(), "options.timeout",
                "between");
        assertRefusedAndNothingStored(() -> TaskOptions.builder().delay(Duration.ofSeconds(1))
                .runAt(java.time.Instant.now()).build(), "options.runAt", "cannot both");
    }

    @Test
    void getAndCancelRefuseAnInvalidTaskId() {
        assertRefusedAndNothingStored(() -> client.tasks().get("not an id!"), "taskId", "must be");
        assertRefusedAndNothingStored(() -> client.tasks().cancel("not an id!"), "taskId", "must be");
        assertRefusedAndNothingStored(() -> client.tasks().get(null), "taskId", "required");
    }

    @Test
    void unknownTaskIdIsNotFound() {
        int before = tasks.size();
        assertThat(client.tasks().get("t-unknown")).isEmpty();
        assertThatThrownBy(() -> client.tasks().cancel("t-unknown"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("t-unknown");
        assertThat(tasks.size()).isEqualTo(before);
        assertThat(tasks.containsKey("t-unknown")).isFalse();
    }

    @Test
    void resultWithAZeroTtlIsRefused() {
        int resultsBefore = results.size();
        assertRefusedAndNothingStored(() -> client.results().create(session, "in.bin", null, Duration.ZERO), "ttl",
                "between");
        assertThat(results.size()).isEqualTo(resultsBefore);
    }

    private static void assertRefusedAndNothingStored(ThrowingCallable call, String field, String messagePart) {
        int before = tasks.size();
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + " ")
                .hasMessageContaining(messagePart);
        assertThat(tasks.size()).as("tasks stored after a refused call").isEqualTo(before);
    }
}
