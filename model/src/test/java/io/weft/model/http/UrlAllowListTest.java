package io.weft.model.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one URL check of the {@code http} task type and of hook targets. */
class UrlAllowListTest {

    private static final UrlAllowList LOCAL = new UrlAllowList(List.of("http://127.0.0.1:"));

    @Test
    void urlUnderAnAllowedPrefixPasses() {
        assertThat(LOCAL.check("url", "http://127.0.0.1:8080/x?y=1").getPort()).isEqualTo(8080);
    }

    @Test
    void emptyAllowListRefusesEverythingNamingTheField() {
        assertThatThrownBy(() -> UrlAllowList.NONE.check("input.url", "http://127.0.0.1:8080/"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("input.url ")
                .hasMessageContaining("is not allowed").hasMessageContaining("WEFT_HTTP_ALLOW is empty");
    }

    @Test
    void userInfoCannotSmuggleAnotherHostPastThePrefix() {
        // Read as a string it starts with the prefix; its host is elsewhere.
        assertThatThrownBy(() -> LOCAL.check("url", "http://127.0.0.1:80@example.org/"))
                .hasMessageContaining("no user info");
    }

    @Test
    void dotDotPathIsComparedNormalized() {
        UrlAllowList onlyHooks = new UrlAllowList(List.of("http://127.0.0.1:9000/hooks/"));
        assertThatThrownBy(() -> onlyHooks.check("url", "http://127.0.0.1:9000/hooks/../admin"))
                .hasMessageContaining("is not allowed");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> LOCAL.check("url", "file:///etc/passwd")).hasMessageContaining("http or https");
    }

    @Test
    void prefixWithoutSchemeAndHostIsRefusedAsConfiguration() {
        assertThatThrownBy(() -> new UrlAllowList(List.of("file:")))
                .hasMessageContaining("WEFT_HTTP_ALLOW entries must be http:// or https:// URL prefixes");
    }
}
