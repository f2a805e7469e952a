package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.weft.client.WeftClient;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invariant 8 through the gateway: three nodes on free ports with one backup, a gateway as their
 * client; two nodes die at once. Every task id lost with a partition answers 410 saying so, the others
 * 200, and /v1/cluster lists the lost partitions.
 */
class GatewayLossTest {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLossTest.class);
    private static final int TASKS = 600;
    private static final int BATCH = 200;

    @Test
    void lostTasksAnswerGoneAndTheClusterViewListsTheLostPartitions() throws Exception {
        String cluster = "gw-loss-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = freePorts(3);
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        List<CompletableFuture<WeftNode>> starting = new ArrayList<>();
        for (int port : ports) {
            // Quorum 1: the survivor of two deaths takes writes, and records the losses.
            NodeSettings settings = NodeSettings.builder().clusterName(cluster).port(port).members(members).quorum(1)
                    .metricsPort(0).build();
            starting.add(CompletableFuture.supplyAsync(() -> WeftNode.start(settings)));
        }
        List<WeftNode> nodes = new ArrayList<>();
        EmbeddedServer server = null;
        HttpClient http = null;
        try {
            for (CompletableFuture<WeftNode> node : starting) {
                nodes.add(node.get(120, TimeUnit.SECONDS));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> nodes.get(0).hazelcast().getPartitionService().isClusterSafe());
            server = ApplicationContext.run(EmbeddedServer.class, Map.of("weft.cluster-name", cluster,
                    "weft.members", String.join(",", members), "weft.quorum", "1", "weft.admin-key", GatewayTest.ADMIN_KEY,
                    "micronaut.server.port", "-1", "micronaut.server.host", "127.0.0.1"));
            http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
            Api api = new Api(http, GatewayTest.ADMIN_KEY);

            String session = api.post("/v1/sessions", "{\"name\": \"loss\"}").json().path("id").asText();
            List<String> ids = new ArrayList<>();
            for (int sent = 0; sent < TASKS; sent += BATCH) {
                StringBuilder body = new StringBuilder("{\"tasks\": [");
                for (int i = 0; i < BATCH; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"type\": \"echo\", \"input\": {\"i\": ").append(sent + i).append("}}");
                }
                Api.Reply submitted = api.post("/v1/sessions/" + session + "/tasks", body.append("]}").toString());
                assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
                submitted.json().path("tasks").forEach(t -> ids.add(t.path("id").asText()));
            }
            WeftClient survivor = WeftClient.embedded(nodes.get(0).hazelcast());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> survivor.tasks().list(session, TaskStatus.SUCCEEDED).size() == TASKS);
            JsonNode before = api.get("/v1/cluster").json().path("health");
            assertThat(before.path("membersSeen").asInt()).isEqualTo(3);
            assertThat(before.path("membersExpected").asInt()).isEqualTo(3);
            assertThat(before.path("lostPartitions").size()).isZero();

            nodes.get(1).terminate();
            nodes.get(2).terminate();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode health = api.get("/v1/cluster").json().path("health");
                return health.path("membersSeen").asInt() == 1 && health.path("lostPartitions").size() > 0
                        && nodes.get(0).clusterState().lossesUnreported() == 0;
            });
            JsonNode health = api.get("/v1/cluster").json().path("health");
            Set<Integer> lost = new HashSet<>();
            health.path("lostPartitions").forEach(p -> lost.add(p.path("partitionId").asInt()));
            assertThat(health.path("lostPartitions").get(0).path("gone").size()).isEqualTo(2);
            assertThat(api.get("/health").status()).isEqualTo(200);

            int gone = 0;
            for (String id : ids) {
                Api.Reply reply = api.get("/v1/tasks/" + id);
                int partition = nodes.get(0).hazelcast().getPartitionService().getPartition(id).getPartitionId();
                if (lost.contains(partition)) {
                    assertThat(reply.status()).as("task %s of lost partition %d: %s", id, partition, reply.text()).isEqualTo(410);
                    assertThat(reply.json().path("detail").asText()).contains("lost with partition " + partition);
                    gone++;
                } else {
                    assertThat(reply.status()).as("task %s: %s", id, reply.text()).isEqualTo(200);
                }
            }
            LOG.info("{} of {} tasks answer 410 after {} partitions were lost", gone, TASKS, lost.size());
            assertThat(gone).isPositive();
        } finally {
            if (http != null) {
                http.close();
            }
            if (server != null) {
                server.getApplicationContext().close();
            }
            for (WeftNode node : nodes) {
                if (node.hazelcast().getLifecycleService().isRunning()) {
                    node.terminate();
                }
            }
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
