package io.weft.gateway.console;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The console's pages keep an API key in session storage, so they run only the gateway's own scripts:
 * no inline script, no other origin, not framed. Its assets are served without a key (they hold no
 * data); every {@code /v1} call they make carries the key as a header.
 */
@ServerFilter("/console/**")
public class ConsoleHeadersFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    public void secure(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
    }
}
