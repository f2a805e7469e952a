package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.InvalidValueException;
import io.weft.model.Json;
import io.weft.model.hook.DeliveryAttempt;
import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.config.HookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hooks end to end: a node on 127.0.0.1 delivers to a receiver on 127.0.0.1, allowed only under
 * {@code /hooks/}. Retries are made fast by configuration (50 ms backoff, 3 attempts), not by sleeps.
 */
class HookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 3;

    private static HookReceiver receiver;
    private static TestCluster cluster;
    private static WeftClient client;

    @BeforeAll
    static void start() throws Exception {
        receiver = new HookReceiver();
        cluster = TestCluster.tuned("hooks", 1, settings -> settings.httpAllow(List.of(receiver.url("/hooks/")))
                .hooks(new HookSettings(Duration.ofMillis(50), Duration.ofMillis(200), MAX_ATTEMPTS, Duration.ofSeconds(5))));
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
        receiver.close();
    }

    @Test
    void succeededTaskMakesOneSignedDeliveryThatNamesTheTask() throws Exception {
        String session = client.sessions().create("hook-ok", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
        Task task = client.tasks().submit(session, TaskSpec.of("echo", "{\"n\": 1}"));
        assertThat(client.tasks().await(task.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCEEDED);

        HookDelivery delivery = awaitSettled(hook.id());

        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::status).containsExactly(200);
        List<HookReceiver.Received> got = receiver.mentioning(task.id());
        assertThat(got).hasSize(1);
        HookReceiver.Received request = got.get(0);
        assertThat(HookSignature.verify(hook.secret(), request.signature(), request.body(), Duration.ofMinutes(5))).isTrue();
        assertThat(request.deliveryId()).isEqualTo(delivery.id());
        assertThat(request.event()).isEqualTo("TASK_SUCCEEDED");
        JsonNode body = Json.parse(request.body());
        assertThat(body.path("deliveryId").asText()).isEqualTo(delivery.id());
        assertThat(body.path("eventId").asText()).isEqualTo(delivery.eventId());
        assertThat(body.path("task").path("id").asText()).isEqualTo(task.id());
        assertThat(body.path("task").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(body.path("task").path("output").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void failedTaskMakesOneSignedDeliveryWithItsError() throws Exception {
        String session = client.sessions().create("hook-failed", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_FAILED), receiver.url("/hooks/ok"));
        Task task = client.tasks().submit(session, TaskSpec.of("fail", "{\"times\": 5, \"message\": \"boom\"}")
                .withOptions(TaskOptions.builder().maxRetries(0).build()));
        assertThat(client.tasks().await(task.id()).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.FAILED);

        HookDelivery delivery = awaitSettled(hook.id());

        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.event()).isEqualTo(HookEvent.TASK_FAILED);
        HookReceiver.Received request = receiver.mentioning(task.id()).get(0);
        assertThat(HookSignature.verify(hook.secret(), request.signature(), request.body(), Duration.ofMinutes(5))).isTrue();
        JsonNode body = Json.parse(request.body());
        assertThat(body.path("task").path("status").asText()).isEqualTo("FAILED");
        assertThat(body.path("task").path("error").path("message").asText()).contains("boom");
    }

    @Test
    void receiverThatAnswers500TwiceThen200GetsThreeAttemptsAllVisible() throws Exception {
        String session = client.sessions().create("hook-flaky", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/flaky"));
        Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);

        HookDelivery delivery = awaitSettled(hook.id());

        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::status).containsExactly(500, 500, 200);
        assertThat(receiver.to("/hooks/flaky")).hasSize(3).extracting(HookReceiver.Received::deliveryId).containsOnly(delivery.id());
    }

    @Test
    void receiverThatAlwaysFailsLeavesTheDeliveryFailedAfterMaxAttempts() throws Exception {
        String session = client.sessions().create("hook-down", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/down"));
        Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);

        HookDelivery delivery = awaitSettled(hook.id());

        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.attempts()).hasSize(MAX_ATTEMPTS).extracting(DeliveryAttempt::status).containsOnly(500);
        assertThat(cluster.node(0).metrics().hookAttempts.labels("failed").get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void hookOutsideTheAllowListOrWithoutEventsOrOnAnUnknownSessionIsRefusedAndNothingIsStored() {
        String session = client.sessions().create("hook-refused", Map.of()).id();
        int before = client.hooks().list().size();

        assertThatThrownBy(() -> client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/other")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("is not allowed")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("url");
        // Starts with the allowed prefix as written, but leaves it once normalized.
        assertThatThrownBy(() -> client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED),
                receiver.url("/hooks/../other"))).extracting(e -> ((InvalidValueException) e).field()).isEqualTo("url");
        assertThatThrownBy(() -> client.hooks().forSession(session, Set.of(), receiver.url("/hooks/ok")))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("events");
        assertThatThrownBy(() -> client.hooks().forSession("s-nosuch", Set.of(HookEvent.TASK_FAILED), receiver.url("/hooks/ok")))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("sessionId");
        assertThatThrownBy(() -> client.hooks().create(HookScope.ALL, "k-1", Set.of(HookEvent.TASK_FAILED), receiver.url("/hooks/ok")))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("scopeId");

        assertThat(client.hooks().list()).hasSize(before);
    }

    @Test
    void sessionFinishedIsToldOnceWhenAClosedSessionHasNoTaskLeft() throws Exception {
        String session = client.sessions().create("hook-finished", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.SESSION_FINISHED), receiver.url("/hooks/ok"));
        List<Task> tasks = client.tasks().submit(session, List.of(TaskSpec.of("echo", "{\"i\": 1}"),
                TaskSpec.of("echo", "{\"i\": 2}"), TaskSpec.of("echo", "{\"i\": 3}")));
        // Closed with its tasks perhaps still running: whichever comes last, the close or the last end, tells.
        client.sessions().close(session);
        for (Task task : tasks) {
            client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
        }

        HookDelivery delivery = awaitSettled(hook.id());

        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.event()).isEqualTo(HookEvent.SESSION_FINISHED);
        assertThat(delivery.eventId()).isEqualTo("session:" + session + ":finished");
        assertThat(delivery.taskId()).isNull();
        assertThat(client.hooks().deliveries(hook.id())).hasSize(1);
        HookReceiver.Received request = receiver.mentioning(session).get(0);
        assertThat(request.event()).isEqualTo("SESSION_FINISHED");
        assertThat(Json.parse(request.body()).path("session").path("state").asText()).isEqualTo("CLOSED");
        assertThat(receiver.mentioning(session)).hasSize(1);
    }

    @Test
    void cancelledSessionTellsItsCancelledTaskAndThenThatItFinished() throws Exception {
        String session = client.sessions().create("hook-cancelled", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_CANCELLED, HookEvent.SESSION_FINISHED),
                receiver.url("/hooks/ok"));
        Task sleeper = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\": 60000}"));
        await().atMost(WAIT).until(() -> client.tasks().get(sleeper.id()).orElseThrow().status() == TaskStatus.RUNNING);

        client.sessions().cancel(session);

        List<HookDelivery> deliveries = await().atMost(WAIT).until(() -> client.hooks().deliveries(hook.id()),
                all -> all.size() == 2 && all.stream().allMatch(d -> d.state() == DeliveryState.DELIVERED));
        assertThat(deliveries).extracting(HookDelivery::event)
                .containsExactlyInAnyOrder(HookEvent.TASK_CANCELLED, HookEvent.SESSION_FINISHED);
        HookDelivery finished = deliveries.stream().filter(d -> d.event() == HookEvent.SESSION_FINISHED).findFirst().orElseThrow();
        assertThat(Json.parse(finished.body()).path("session").path("state").asText()).isEqualTo("CANCELLED");
        HookDelivery cancelled = deliveries.stream().filter(d -> d.event() == HookEvent.TASK_CANCELLED).findFirst().orElseThrow();
        assertThat(cancelled.taskId()).isEqualTo(sleeper.id());
    }

    @Test
    void deletedHookTakesItsDeliveriesWithIt() throws Exception {
        String session = client.sessions().create("hook-deleted", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
        Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
        awaitSettled(hook.id());

        assertThat(client.hooks().delete(hook.id())).isTrue();

        assertThat(client.hooks().get(hook.id())).isEmpty();
        assertThat(client.hooks().deliveries(hook.id())).isEmpty();
        assertThat(client.hooks().delete(hook.id())).isFalse();
    }

    @Test
    void failedDeliverySentAgainByHandIsTriedAgainAsANewDeliveryOfTheSameEvent() throws Exception {
        String session = client.sessions().create("hook-again", Map.of()).id();
        Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/down"));
        Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
        HookDelivery failed = awaitSettled(hook.id());
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);

        HookDelivery again = client.hooks().redeliver(hook.id(), failed.id());

        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.id()).isNotEqualTo(failed.id());
        HookDelivery settled = await().atMost(WAIT).until(() -> client.hooks().deliveries(hook.id()).stream()
                .filter(d -> d.id().equals(again.id()) && d.state() != DeliveryState.PENDING).findFirst().orElse(null), d -> d != null);
        assertThat(settled.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(settled.attempts()).extracting(DeliveryAttempt::status).containsExactly(500, 500, 500);
        assertThat(settled.eventId()).isEqualTo(failed.eventId());
        List<HookReceiver.Received> resent = receiver.mentioning(task.id()).stream()
                .filter(r -> r.deliveryId().equals(again.id())).toList();
        assertThat(resent).hasSize(MAX_ATTEMPTS);
        assertThat(Json.parse(resent.get(0).body()).path("deliveryId").asText()).isEqualTo(again.id());
        assertThat(client.hooks().deliveries(hook.id())).extracting(HookDelivery::id).containsExactlyInAnyOrder(failed.id(), again.id());
        assertThatThrownBy(() -> client.hooks().redeliver(hook.id(), "d-none")).isInstanceOf(NoSuchElementException.class);
    }

    /** The hook's one delivery once it is DELIVERED or FAILED. */
    private static HookDelivery awaitSettled(String hookId) {
        return await().atMost(WAIT).until(() -> {
            List<HookDelivery> all = client.hooks().deliveries(hookId);
            return all.size() == 1 && all.get(0).state() != DeliveryState.PENDING ? all.get(0) : null;
        }, d -> d != null);
    }
}
