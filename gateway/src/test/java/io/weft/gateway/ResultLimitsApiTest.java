package io.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.embedded.Grid;
import io.weft.model.grid.PublishedSetting;
import io.weft.model.result.ResultLimits;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Uploads past the limits the nodes publish are 413 problem+json, and leave the result to upload again. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultLimitsApiTest implements GatewayTest {

    static final int MIB = 1 << 20;
    static final long MAX_RESULT_BYTES = 2L * MIB;
    static final long SESSION_QUOTA_BYTES = 3L * MIB;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Grid grid;

    /** As a node started with WEFT_MAX_RESULT_BYTES=2MiB and WEFT_SESSION_QUOTA_BYTES=3MiB would publish them. */
    @BeforeAll
    void smallLimits() {
        PublishedSetting.RESULT_LIMITS.publish(grid.hazelcast(), new ResultLimits(MAX_RESULT_BYTES, SESSION_QUOTA_BYTES, Duration.ofHours(1)));
    }

    @Test
    void uploadPastTheLargestObjectIs413NamingTheLimit() {
        Api api = new Api(http, ADMIN_KEY);
        String result = aResult(api, aSession(api));

        Api.Reply refused = put(api, result, 3 * MIB);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("largest object size of " + MAX_RESULT_BYTES + " bytes");
        assertThat(api.get("/v1/results/" + result).json().path("status").asText()).isEqualTo("CREATED");
        assertThat(put(api, result, MIB).status()).as("the result takes a smaller upload afterwards").isEqualTo(200);
    }

    @Test
    void uploadPastTheSessionQuotaIs413() {
        Api api = new Api(http, ADMIN_KEY);
        String session = aSession(api);
        assertThat(put(api, aResult(api, session), 2 * MIB).status()).isEqualTo(200);

        Api.Reply refused = put(api, aResult(api, session), 2 * MIB);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("detail").asText()).contains("over its quota of " + SESSION_QUOTA_BYTES + " bytes");
    }

    private static String aSession(Api api) {
        return api.post("/v1/sessions", "{\"name\": \"quota\"}").json().path("id").asText();
    }

    private static String aResult(Api api, String session) {
        return api.post("/v1/sessions/" + session + "/results", "{\"name\": \"x\"}").json().path("id").asText();
    }

    private static Api.Reply put(Api api, String result, int size) {
        return api.send(HttpRequest.PUT("/v1/results/" + result + "/data", new byte[size]).contentType("application/octet-stream"));
    }
}
