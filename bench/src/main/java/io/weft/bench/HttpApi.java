package io.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's JSON API as a plain HTTP/1.1 client would use it: keep-alive connections from one
 * {@link HttpClient}, the admin key as a bearer token.
 */
final class HttpApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status, its body as JSON (empty when none), and the Retry-After it asked for. */
    record Reply(int status, JsonNode body, long retryAfterSeconds) {
    }

    private final HttpClient http;
    private final URI base;
    private final String bearer;

    HttpApi(URI base, String key) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.bearer = "Bearer " + key;
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build());
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** The body of a 2xx answer; anything else is a failure of the benchmark, with the problem text. */
    JsonNode expectOk(Reply reply, String what) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", bearer)
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode json = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
        return new Reply(response.statusCode(), json, retryAfter);
    }
}
