package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.weft.model.Ids;
import io.weft.model.grid.ClaimTask;
import io.weft.model.grid.CompleteAttempt;
import io.weft.model.grid.TaskUpdate;
import io.weft.model.result.ResultStatus;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a completion sets off (the follow-up of a success, aborting the outputs of a failure) is done
 * by the member that wrote it, just after; when that member dies in between, the survivors do it.
 * The tests write a completion into the grid as the second member would, without its after-effects,
 * then kill that member.
 */
class CompletionAuditTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TestCluster cluster;
    private WeftClient client;
    private IMap<String, Task> tasks;

    @BeforeEach
    void startCluster() {
        cluster = TestCluster.of("completion-audit", 2);
        client = cluster.client();
        tasks = cluster.tasksMap();
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void followUpOfATaskWhoseMemberDiedAfterItsSuccessIsStillSubmitted() {
        String session = client.sessions().create("lost-then", Map.of()).id();
        client.sessions().pause(session);
        Task first = client.tasks().submit(session, TaskSpec.of("echo", "{\"x\":1}")
                .withOptions(TaskOptions.builder().then("{\"type\":\"echo\"}").build()));
        WeftNode victim = cluster.node(1);

        Task succeeded = completeAs(victim, first, null);
        assertThat(succeeded.status()).isEqualTo(TaskStatus.SUCCEEDED);
        client.sessions().resume(session);
        String followUpId = Ids.idempotentTaskId(session, "then:" + first.id());
        assertThat(tasks.get(followUpId)).as("nothing submitted the follow-up yet").isNull();
        victim.terminate();

        await().atMost(LIMIT).until(() -> client.tasks().get(followUpId).map(t -> t.status() == TaskStatus.SUCCEEDED).orElse(false));
        Task followUp = client.tasks().get(followUpId).orElseThrow();
        assertThat(followUp.spec().input()).isEqualTo("{\"x\":1}");
        assertThat(followUp.spec().parentId()).isEqualTo(first.id());
    }

    @Test
    void outputsOfATaskWhoseMemberDiedAfterItFailedAreAbortedAndItsConsumersFail() {
        String session = client.sessions().create("lost-abort", Map.of()).id();
        String output = client.results().create(session, "never", "text/plain", Duration.ofHours(1)).id();
        client.sessions().pause(session);
        List<Task> submitted = client.tasks().submit(session, List.of(
                new TaskSpec("echo", "{}", TaskOptions.builder().maxRetries(0).build(), List.of(), List.of(output), null, null),
                new TaskSpec("echo", "{}", TaskOptions.DEFAULTS, List.of(output), List.of(), null, null)));
        Task producer = submitted.get(0);
        Task consumer = submitted.get(1);
        WeftNode victim = cluster.node(1);

        Task failed = completeAs(victim, producer, TaskError.of(ErrorType.HANDLER_ERROR, "boom"));
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(client.results().get(output).orElseThrow().status()).as("nothing aborted it yet").isEqualTo(ResultStatus.CREATED);
        victim.terminate();

        await().atMost(LIMIT).until(() -> client.tasks().get(consumer.id()).orElseThrow().status() == TaskStatus.FAILED);
        assertThat(client.results().get(output).orElseThrow().status()).isEqualTo(ResultStatus.ABORTED);
        assertThat(client.tasks().get(consumer.id()).orElseThrow().error().type()).isEqualTo(ErrorType.DEPENDENCY_FAILED);
    }

    /** Claims and completes {@code task} in the grid as {@code member}'s runner would, and stops there. */
    private Task completeAs(WeftNode member, Task task, TaskError error) {
        String memberId = member.hazelcast().getCluster().getLocalMember().getUuid().toString();
        long now = System.currentTimeMillis();
        TaskUpdate claimed = tasks.executeOnKey(task.id(), new ClaimTask(memberId, task.attempt(), now));
        Task running = claimed.task();
        return tasks.executeOnKey(task.id(), error == null
                ? CompleteAttempt.success(running.attempt(), running.worker(), now, "{\"x\":1}", now)
                : CompleteAttempt.failure(running.attempt(), running.worker(), now, error, now, now)).unpredicted();
    }
}
