package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterApiTest implements GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Client("/")
    HttpClient http;

    /** One method: the steps share the gateway's one node, each leaving it as the next expects. */
    @Test
    void adminDisablesAndEnablesATypeThenDrainsAndUndrainsTheNode() throws Exception {
        Api admin = new Api(http, ADMIN_KEY);
        JsonNode cluster = admin.get("/v1/cluster").json();
        // The embedded node alone is the whole cluster: the quorum is 1, and present; nothing was lost.
        assertThat(cluster.path("health").path("membersSeen").asInt()).isEqualTo(1);
        assertThat(cluster.path("health").path("membersExpected").asInt()).isEqualTo(1);
        assertThat(cluster.path("health").path("quorumPresent").asBoolean()).isTrue();
        assertThat(cluster.path("health").path("lostPartitions").isArray()).isTrue();
        assertThat(cluster.path("health").path("lostPartitions").size()).isZero();
        JsonNode member = cluster.path("members").get(0);
        String id = member.path("id").asText();
        assertThat(member.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(member.path("load").asInt()).isZero();
        String submitter = admin.post("/v1/keys", "{\"name\": \"ops\", \"scopes\": [\"submit\", \"read\"]}").json().path("secret").asText();

        assertThat(admin.as(submitter).post("/v1/cluster/members/" + id + "/drain", "{}").status()).isEqualTo(403);
        assertThat(admin.post("/v1/cluster/members/no-such/drain", "{}").status()).isEqualTo(404);
        assertThat(admin.post("/v1/cluster/members/" + id + "/types/no-such/disable", "{}").status()).isEqualTo(404);

        Api.Reply disabled = admin.post("/v1/cluster/members/" + id + "/types/echo/disable", "{}");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("types").toString()).doesNotContain("\"echo\"").contains("\"sleep\"");
        awaitTypes(admin, "the listing drops echo", false);
        Api.Reply enabled = admin.post("/v1/cluster/members/" + id + "/types/echo/enable", "{}");
        assertThat(enabled.json().path("types").toString()).contains("\"echo\"");
        awaitTypes(admin, "the listing has echo again", true);

        Api.Reply drained = admin.post("/v1/cluster/members/" + id + "/drain", "{}");
        assertThat(drained.status()).isEqualTo(200);
        assertThat(drained.json().path("state").asText()).isIn("DRAINING", "DRAINED");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!admin.get("/v1/cluster").json().path("members").get(0).path("state").asText().equals("DRAINED")) {
            assertThat(System.nanoTime()).as("DRAINED within " + WAIT).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(admin.as(submitter).post("/v1/cluster/members/" + id + "/undrain", "{}").status()).isEqualTo(403);

        Api.Reply undrained = admin.post("/v1/cluster/members/" + id + "/undrain", "{}");
        assertThat(undrained.status()).isEqualTo(200);
        assertThat(undrained.json().path("state").asText()).isEqualTo("ACTIVE");
        awaitTypes(admin, "the listing has echo after the undrain", true);
        Api.Reply ran = admin.post("/v1/run/echo", "{\"back\": true}");
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.json().path("status").asText()).isEqualTo("SUCCEEDED");
    }

    private static void awaitTypes(Api admin, String what, boolean hasEcho) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (admin.get("/v1/cluster").json().path("members").get(0).path("types").toString().contains("\"echo\"") != hasEcho) {
            assertThat(System.nanoTime()).as(what + " within " + WAIT).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
