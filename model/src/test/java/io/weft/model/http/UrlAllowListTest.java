package io.weft.model.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static final UrlAllowList API = new UrlAllowList(List.of("http://h/api", "https://other.example.org/v1/"));

    /** URLs that read, as text, as if under {@code http://h/api} or {@code https://other.example.org/v1/}, and are not. */
    @ParameterizedTest
    @ValueSource(strings = {
            "http://h/api/../admin", "http://h/api/%2e%2e/admin", "http://h/api/%2E%2E/admin", "http://h/api/.%2e/admin",
            "http://h/api/..%2fadmin", "http://h/api/%2E%2E%2Fadmin", "http://h/api/%2e%2e%2fadmin", "http://h/api/..%5Cadmin",
            "http://h/api-evil", "http://h/apix/y", "http://h/ap", "http://h/", "http://h.evil.org/api", "http://h:8080/api",
            "https://h/api", "http://h@evil.org/api", "http://evil.org/http://h/api", "https://other.example.org/v1",
            "https://other.example.org/v1x/", "https://other.example.org/v1/../v2/", "https://other.example.org:8443/v1/",
            "https://other.example.org.evil.org/v1/",
    })
    void hostileUrlNeverEscapesAnAllowedPrefix(String url) {
        assertThatThrownBy(() -> API.check("url", url)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h/api", "http://h/api/", "http://h/api/x/y", "HTTP://H:80/api/x", "http://h/x/../api/y",
            "http://h/%61pi/y", "https://other.example.org/v1/a", "https://OTHER.example.org:443/v1/"})
    void urlUnderAnAllowedPrefixOnASegmentBoundaryPasses(String url) {
        assertThat(API.check("url", url).getHost()).isIn("h", "other.example.org");
    }

    @Test
    void checkGivesTheNormalFormToStoreAndCall() {
        assertThat(API.check("url", "HTTP://H:80/api/a/./b/../c%7e")).hasToString("http://h/api/a/c~");
    }

    @Test
    void prefixEndingWithAColonAllowsEveryPortOfItsHostOnly() {
        assertThat(LOCAL.check("url", "http://127.0.0.1:9/a").getPort()).isEqualTo(9);
        assertThat(LOCAL.check("url", "http://127.0.0.1/a").getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> LOCAL.check("url", "http://127.0.0.1.evil.org:80/")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> LOCAL.check("url", "https://127.0.0.1:443/")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void prefixWithAQueryIsRefusedAsConfiguration() {
        assertThatThrownBy(() -> new UrlAllowList(List.of("http://h/api?key=1"))).hasMessageContaining("no query");
    }
}
