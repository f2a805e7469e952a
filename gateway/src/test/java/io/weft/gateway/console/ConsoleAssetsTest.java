package io.weft.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.weft.gateway.Api;
import io.weft.gateway.GatewayTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAssetsTest implements GatewayTest {

    @Inject
    @Client("/")
    HttpClient http;

    private Api anonymous() {
        return new Api(http, null);
    }

    @Test
    void consolePageIsServedWithoutAKey() {
        for (String path : new String[] {"/console", "/console/", "/console/index.html"}) {
            Api.Reply page = anonymous().get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.text()).as(path).contains("/console/js/app.js");
        }
    }

    @Test
    void consoleScriptsAndStylesheetComeFromTheJarWithoutAKey() {
        Api.Reply script = anonymous().get("/console/js/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(anonymous().get("/console/console.css").contentType()).startsWith("text/css");
    }

    @Test
    void consolePagesForbidForeignScriptsAndFraming() {
        Api.Reply page = anonymous().get("/console/index.html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void apiStillNeedsAKeyBesideTheConsole() {
        assertThat(anonymous().get("/v1/sessions").status()).isEqualTo(401);
    }

    @Test
    void unknownConsoleAssetIs404() {
        assertThat(anonymous().get("/console/no-such-file.js").status()).isEqualTo(404);
    }
}
