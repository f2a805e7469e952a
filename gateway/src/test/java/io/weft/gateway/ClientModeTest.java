package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/** With WEFT_MEMBERS set, the gateway is a Hazelcast client of that cluster rather than a member. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientModeTest {

    /** The node's allow-list; no receiver listens there: only registrations are checked here. */
    static final String ALLOWED_HOOKS = "http://127.0.0.1:9/hooks/";

    String cluster = "gw-client-" + UUID.randomUUID().toString().substring(0, 8);
    WeftNode node;
    EmbeddedServer server;
    HttpClient http;

    @BeforeAll
    void aNodeAndAGatewayConnectedToIt() {
        node = WeftNode.start(NodeSettings.builder().clusterName(cluster).metricsPort(0).members(List.of("127.0.0.1"))
                .httpAllow(List.of(ALLOWED_HOOKS)).build());
        String address = "127.0.0.1:" + node.hazelcast().getCluster().getLocalMember().getAddress().getPort();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("weft.cluster-name", cluster, "weft.members", address,
                "weft.admin-key", GatewayTest.ADMIN_KEY, "micronaut.server.port", "-1", "micronaut.server.host", "127.0.0.1"));
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    void stop() {
        http.close();
        server.getApplicationContext().close();
        node.shutdown();
    }

    @Test
    @Order(1)
    void clientGatewayIsReadyAndRunsTasksOnTheCluster() {
        Api api = new Api(http, GatewayTest.ADMIN_KEY);
        Api.Reply health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("mode").asText()).isEqualTo("client");
        assertThat(node.hazelcast().getCluster().getMembers()).hasSize(1);

        Api.Reply run = api.post("/v1/run/echo?timeout=" + Duration.ofSeconds(20), "{\"via\": \"client\"}");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("output").path("via").asText()).isEqualTo("client");
        String session = api.post("/v1/sessions", "{\"name\": \"via-client\"}").json().path("id").asText();
        Api.Reply schedule = api.post("/v1/schedules", "{\"sessionId\": \"" + session + "\", \"every\": \"PT1H\","
                + " \"task\": {\"type\": \"echo\", \"input\": {}}}");
        assertThat(schedule.status()).as(schedule.text()).isEqualTo(201);
        assertThat(api.get("/v1/schedules?sessionId=" + session).json().get(0).path("id").asText())
                .isEqualTo(schedule.json().path("id").asText());
    }

    @Test
    @Order(2)
    void clientGatewayChecksHookUrlsAgainstTheAllowListTheNodesPublished() {
        Api api = new Api(http, GatewayTest.ADMIN_KEY);

        Api.Reply allowed = api.post("/v1/hooks", "{\"events\": [\"TASK_FAILED\"], \"url\": \"" + ALLOWED_HOOKS + "a\"}");
        Api.Reply refused = api.post("/v1/hooks", "{\"events\": [\"TASK_FAILED\"], \"url\": \"http://127.0.0.1:9/other\"}");

        assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("url");
        assertThat(refused.json().path("detail").asText()).contains(ALLOWED_HOOKS);
        assertThat(api.delete("/v1/hooks/" + allowed.json().path("id").asText()).status()).isEqualTo(204);
    }

    @Test
    @Order(3)
    void gatewayIsNotReadyWhileTheClusterIsGoneAndReadyWhenItComesBack() {
        Api api = new Api(http, GatewayTest.ADMIN_KEY);
        int port = node.hazelcast().getCluster().getLocalMember().getAddress().getPort();
        node.shutdown();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health").status() == 503);
        Api.Reply offline = api.get("/v1/task-types");
        assertThat(offline.status()).isIn(503, 200);

        node = WeftNode.start(NodeSettings.builder().clusterName(cluster).metricsPort(0).port(port)
                .members(List.of("127.0.0.1")).build());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health").status() == 200);
        assertThat(api.post("/v1/run/echo?timeout=PT20S", "3").json().path("output").asInt()).isEqualTo(3);
    }
}
