package io.weft.node.handler.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpAllowListTest {

    private static final List<String> LOCAL = List.of("http://127.0.0.1:");

    @Test
    void urlUnderAnAllowedPrefixPasses() {
        assertThat(HttpHandler.allowed("http://127.0.0.1:8080/x?y=1", LOCAL).getPort()).isEqualTo(8080);
    }

    @Test
    void emptyAllowListRefusesEverything() {
        assertThatThrownBy(() -> HttpHandler.allowed("http://127.0.0.1:8080/", List.of()))
                .hasMessageContaining("is not allowed").hasMessageContaining("WEFT_HTTP_ALLOW is empty");
    }

    @Test
    void userInfoCannotSmuggleAnotherHostPastThePrefix() {
        // Read as a string it starts with the prefix; its host is elsewhere.
        assertThatThrownBy(() -> HttpHandler.allowed("http://127.0.0.1:80@example.org/", LOCAL))
                .hasMessageContaining("no user info");
    }

    @Test
    void dotDotPathIsComparedNormalized() {
        List<String> onlyHooks = List.of("http://127.0.0.1:9000/hooks/");
        assertThatThrownBy(() -> HttpHandler.allowed("http://127.0.0.1:9000/hooks/../admin", onlyHooks))
                .hasMessageContaining("is not allowed");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> HttpHandler.allowed("file:///etc/passwd", List.of("file:")))
                .hasMessageContaining("http or https");
    }
}
