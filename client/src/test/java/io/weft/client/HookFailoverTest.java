package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.hook.DeliveryAttempt;
import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.node.WeftNode;
import io.weft.node.config.HookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A pending delivery outlives the member that was sending it: the new owner of its partition sends it. */
class HookFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void pendingDeliveryOfAMemberThatDiesIsDeliveredByTheNewOwnerOfItsPartition() throws Exception {
        try (HookReceiver receiver = new HookReceiver();
             TestCluster cluster = TestCluster.tuned("hook-failover", 2, settings -> settings
                     .httpAllow(List.of(receiver.url("/hooks/")))
                     .hooks(new HookSettings(Duration.ofMillis(100), Duration.ofMillis(200), 100, Duration.ofSeconds(2))))) {
            WeftNode victim = cluster.node(1);
            WeftNode survivor = cluster.node(0);
            String victimId = memberId(victim);
            WeftClient client = cluster.client();
            String session = client.sessions().create("hook-failover", Map.of()).id();
            Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/later"));
            // The victim owns both the task (so it sees it end and sends the first attempts) and its
            // delivery (so the survivor's sweep cannot take it while the victim lives). A cluster reads as
            // safe a moment before the migrations a join starts are planned: wait for the final table.
            await().atMost(WAIT).until(() -> ownsItsShare(victim.hazelcast()) && victim.hazelcast().getPartitionService().isClusterSafe());
            String key = keyOwnedWholeBy(victim.hazelcast(), session, hook.id());
            Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}").withIdempotencyKey(key));
            client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> only(client, hook.id()), d -> d != null && d.attempts().size() >= 2);

            victim.terminate();
            receiver.bringLaterUp();

            WeftClient survivorClient = WeftClient.embedded(survivor.hazelcast());
            HookDelivery delivered = await().atMost(WAIT).until(() -> only(survivorClient, hook.id()),
                    d -> d != null && d.state() == DeliveryState.DELIVERED);
            List<DeliveryAttempt> attempts = delivered.attempts();
            DeliveryAttempt last = attempts.get(attempts.size() - 1);
            List<DeliveryAttempt> before = attempts.subList(0, attempts.size() - 1);
            assertThat(attempts).extracting(DeliveryAttempt::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.member()).isEqualTo(memberId(survivor));
            assertThat(before).extracting(DeliveryAttempt::status).containsOnly(503);
            assertThat(before).extracting(DeliveryAttempt::member).contains(victimId);
        }
    }

    @Test
    void taskEndWhoseDeliveryWasLostWithItsMemberIsToldAfterTheDeparture() throws Exception {
        try (HookReceiver receiver = new HookReceiver();
             TestCluster cluster = TestCluster.tuned("hook-lost-end", 2, settings -> settings
                     .httpAllow(List.of(receiver.url("/hooks/")))
                     .hooks(new HookSettings(Duration.ofMillis(100), Duration.ofMillis(200), 100, Duration.ofSeconds(2))))) {
            WeftNode victim = cluster.node(1);
            WeftNode survivor = cluster.node(0);
            WeftClient client = cluster.client();
            String session = client.sessions().create("hook-lost-end", Map.of()).id();
            Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
            await().atMost(WAIT).until(() -> ownsItsShare(victim.hazelcast()) && victim.hazelcast().getPartitionService().isClusterSafe());
            String key = keyOwnedWholeBy(victim.hazelcast(), session, hook.id());
            Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}").withIdempotencyKey(key));
            client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            HookDelivery first = await().atMost(WAIT).until(() -> only(client, hook.id()),
                    d -> d != null && d.state() == DeliveryState.DELIVERED);
            // As if the victim had died between the task's end and making its delivery: no record of it.
            victim.hazelcast().getMap(GridNames.HOOK_DELIVERIES).delete(first.id());
            assertThat(client.hooks().deliveries(hook.id())).isEmpty();

            victim.terminate();

            WeftClient survivorClient = WeftClient.embedded(survivor.hazelcast());
            HookDelivery again = await().atMost(WAIT).until(() -> only(survivorClient, hook.id()),
                    d -> d != null && d.state() == DeliveryState.DELIVERED);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.attempts()).extracting(DeliveryAttempt::member).containsOnly(memberId(survivor));
            assertThat(receiver.mentioning(task.id())).hasSize(2);
        }
    }

    @Test
    void anAuditAfterADepartureTellsNoHookOfTasksThatEndedBeforeItExisted() throws Exception {
        try (HookReceiver receiver = new HookReceiver();
             TestCluster cluster = TestCluster.tuned("hook-before", 2, settings -> settings
                     .httpAllow(List.of(receiver.url("/hooks/"))))) {
            WeftClient client = cluster.client();
            String session = client.sessions().create("hook-before", Map.of()).id();
            List<Task> earlier = client.tasks().submit(session, IntStream.range(0, 20)
                    .mapToObj(i -> TaskSpec.of("echo", "{}")).toList());
            for (Task task : earlier) {
                client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
            }
            Hook hook = client.hooks().forSession(session, Set.of(HookEvent.TASK_SUCCEEDED), receiver.url("/hooks/ok"));
            Task later = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
            client.tasks().await(later.id()).get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> receiver.mentioning(later.id()).size() == 1);

            cluster.node(1).terminate();
            // The departure audit runs 2 s after the member leaves; give it time to (wrongly) tell.
            WeftClient survivorClient = WeftClient.embedded(cluster.node(0).hazelcast());
            Thread.sleep(6_000);

            assertThat(survivorClient.hooks().deliveries(hook.id())).extracting(HookDelivery::taskId).containsExactly(later.id());
            assertThat(receiver.to("/hooks/ok")).hasSize(1);
        }
    }

    /** An idempotency key whose task and whose task's delivery to {@code hookId} both live on {@code member}. */
    private static String keyOwnedWholeBy(HazelcastInstance member, String session, String hookId) {
        for (int i = 0; ; i++) {
            String key = "k" + i;
            String taskId = Ids.idempotentTaskId(session, key);
            String deliveryId = HookDelivery.idFor(hookId, "task:" + taskId + ":succeeded");
            if (ownedBy(member, taskId) && ownedBy(member, deliveryId)) {
                return key;
            }
        }
    }

    /** Whether the member owns half the partitions of a two-member cluster, as rebalancing leaves them. */
    private static boolean ownsItsShare(HazelcastInstance member) {
        int partitions = member.getPartitionService().getPartitions().size();
        long owned = member.getPartitionService().getPartitions().stream()
                .filter(p -> p.getOwner() != null && p.getOwner().localMember()).count();
        return owned == partitions / 2 || owned == partitions - partitions / 2;
    }

    private static boolean ownedBy(HazelcastInstance member, String key) {
        return member.getPartitionService().getPartition(key).getOwner().localMember();
    }

    private static String memberId(WeftNode node) {
        return node.hazelcast().getCluster().getLocalMember().getUuid().toString();
    }

    private static HookDelivery only(WeftClient client, String hookId) {
        List<HookDelivery> all = client.hooks().deliveries(hookId);
        return all.size() == 1 ? all.get(0) : null;
    }
}
