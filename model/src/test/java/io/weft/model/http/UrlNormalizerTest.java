package io.weft.model.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3986 §6.2.2-6.2.3 normal forms, as a receiving server would read the URL. */
class UrlNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "HTTP://Example.ORG/a http://example.org/a",
            "http://h:80/a http://h/a",
            "https://h:443/a https://h/a",
            "http://h:8080/a http://h:8080/a",
            "https://h:80/a https://h:80/a",
            "http://h http://h/",
            "http://h/a/../b http://h/b",
            "http://h/a/./b/. http://h/a/b/",
            "http://h/../../etc http://h/etc",
            "http://h/a/%2e%2e/b http://h/b",
            "http://h/a/%2E%2E/b http://h/b",
            "http://h/a/.%2e/b http://h/b",
            "http://h/%7Euser/%41%62c http://h/~user/Abc",
            "http://h/a%3ab http://h/a%3Ab",
            "http://h/a?x=%7e&y=%2f http://h/a?x=~&y=%2F",
            "http://h/a#frag http://h/a",
            "http://h/é http://h/%C3%A9",
    })
    void urlTakesItsNormalForm(String url, String normal) {
        assertThat(UrlNormalizer.normalize("url", url)).hasToString(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h/a/..%2fadmin", "http://h/a/%2E%2E%2Fadmin", "http://h/a%2Fb", "http://h/a/..%5cadmin",
            "http://h/a/%5C..%5Cadmin"})
    void encodedSeparatorInThePathIsRefused(String url) {
        assertThatThrownBy(() -> UrlNormalizer.normalize("url", url))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageContaining("must not encode /");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h/a", "file:///etc/passwd", "http:///a", "http://user:pw@h/a", "/relative", "http://h/a b"})
    void urlThatIsNoHttpUrlWithAHostIsRefused(String url) {
        assertThatThrownBy(() -> UrlNormalizer.normalize("url", url)).isInstanceOf(InvalidValueException.class);
    }
}
