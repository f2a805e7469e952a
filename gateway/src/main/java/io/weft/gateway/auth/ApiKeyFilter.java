package io.weft.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.weft.gateway.problem.Problems;
import java.util.Optional;

/**
 * Every {@code /v1} call needs a key, as {@code Authorization: Bearer <key>} or {@code X-API-Key}:
 * none or an unknown one is 401, one without the route's scope 403. The scope a route needs:
 * {@code admin} for {@code /v1/keys} and changes under {@code /v1/cluster/}, {@code read} for GET, {@code submit} for the rest.
 */
@ServerFilter("/v1/**")
@Order(0)
public class ApiKeyFilter {

    /** The websocket, whose key may come as its first message instead of a header. */
    public static final String SOCKET_PATH = "/v1/ws";

    private final KeyService keys;

    public ApiKeyFilter(KeyService keys) {
        this.keys = keys;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String secret = secretOf(request);
        if (secret == null && request.getPath().equals(SOCKET_PATH)) {
            // Browsers cannot put a header on a websocket: the socket takes the key as its first message.
            return null;
        }
        Optional<Caller> caller = keys.authenticate(secret);
        if (caller.isEmpty()) {
            return Problems.response(HttpStatus.UNAUTHORIZED,
                    "an API key is required: Authorization: Bearer <key> or X-API-Key: <key>", request)
                    .header("WWW-Authenticate", "Bearer");
        }
        Scope needed = scopeFor(request);
        if (!caller.get().has(needed)) {
            return Problems.response(HttpStatus.FORBIDDEN, "this key lacks the '" + needed.wire() + "' scope", request);
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        return null;
    }

    static Scope scopeFor(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/v1/keys") || path.startsWith("/v1/keys/")) {
            return Scope.ADMIN;
        }
        HttpMethod method = request.getMethod();
        if (path.startsWith("/v1/cluster/") && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            // Draining a node or turning a type off changes the cluster for every key.
            return Scope.ADMIN;
        }
        if (path.equals(SOCKET_PATH)) {
            // Opening the socket only reads; each submit on it is checked for the submit scope.
            return Scope.READ;
        }
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? Scope.READ : Scope.SUBMIT;
    }

    private static String secretOf(HttpRequest<?> request) {
        String header = request.getHeaders().get("X-API-Key");
        if (header != null) {
            return header.trim();
        }
        String authorization = request.getHeaders().getAuthorization().orElse(null);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
