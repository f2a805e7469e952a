package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.node.config.HookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A hook on every session (the admin's, or a keyless Java client's) is told about each of them. */
class HookAllSessionsTest {

    @Test
    void hookOnAllSessionsIsToldAboutTasksOfEverySessionAndNotAboutEventsItDidNotChoose() throws Exception {
        try (HookReceiver receiver = new HookReceiver(); TestCluster cluster = deliveringTo(receiver, "hook-all")) {
            WeftClient client = cluster.client();
            Hook hook = client.hooks().create(HookScope.ALL, null, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
            String first = client.sessions().create("all-1", Map.of()).id();
            String second = client.sessions().create("all-2", Map.of()).id();

            Task a = client.tasks().submit(first, TaskSpec.of("echo", "{}"));
            Task b = client.tasks().submit(second, TaskSpec.of("echo", "{}"));
            client.tasks().await(a.id()).get(30, TimeUnit.SECONDS);
            client.tasks().await(b.id()).get(30, TimeUnit.SECONDS);
            client.sessions().close(first);

            List<HookDelivery> deliveries = await().atMost(Duration.ofSeconds(30)).until(() -> client.hooks().deliveries(hook.id()),
                    all -> all.size() == 2 && all.stream().allMatch(d -> d.state() == DeliveryState.DELIVERED));
            assertThat(deliveries).extracting(HookDelivery::taskId).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(deliveries).extracting(HookDelivery::sessionId).containsExactlyInAnyOrder(first, second);
            // It chose TASK_SUCCEEDED only: the first session's end is not told to it.
            assertThat(deliveries).extracting(HookDelivery::event).containsOnly(HookEvent.TASK_SUCCEEDED);
        }
    }

    @Test
    void purgeTakesTheSessionsHooksAndEveryDeliveryAboutItAndLeavesOtherSessionsAlone() throws Exception {
        try (HookReceiver receiver = new HookReceiver(); TestCluster cluster = deliveringTo(receiver, "hook-purge")) {
            WeftClient client = cluster.client();
            Hook everySession = client.hooks().create(HookScope.ALL, null, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
            String purged = client.sessions().create("purged", Map.of()).id();
            String kept = client.sessions().create("kept", Map.of()).id();
            Hook ofPurged = client.hooks().forSession(purged, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
            Hook ofKept = client.hooks().forSession(kept, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
            Task a = client.tasks().submit(purged, TaskSpec.of("echo", "{}"));
            Task b = client.tasks().submit(kept, TaskSpec.of("echo", "{}"));
            client.tasks().await(a.id()).get(30, TimeUnit.SECONDS);
            client.tasks().await(b.id()).get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.hooks().deliveries(everySession.id()).size() == 2
                    && client.hooks().deliveries(ofPurged.id()).size() == 1 && client.hooks().deliveries(ofKept.id()).size() == 1);

            client.sessions().purge(purged);

            assertThat(client.hooks().get(ofPurged.id())).isEmpty();
            assertThat(client.hooks().deliveries(ofPurged.id())).isEmpty();
            assertThat(client.hooks().deliveries(everySession.id())).extracting(HookDelivery::sessionId).containsExactly(kept);
            assertThat(client.hooks().get(everySession.id())).isPresent();
            assertThat(client.hooks().get(ofKept.id())).isPresent();
            assertThat(client.hooks().deliveries(ofKept.id())).extracting(HookDelivery::taskId).containsExactly(b.id());
        }
    }

    /** One node that may deliver to {@code receiver}, with fast retries. */
    private static TestCluster deliveringTo(HookReceiver receiver, String name) {
        return TestCluster.tuned(name, 1, settings -> settings.httpAllow(List.of(receiver.url("/hooks/")))
                .hooks(new HookSettings(Duration.ofMillis(50), Duration.ofMillis(200), 3, Duration.ofSeconds(5))));
    }
}
