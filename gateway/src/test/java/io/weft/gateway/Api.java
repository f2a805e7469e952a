package io.weft.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.weft.model.Json;

/** A test's view of the gateway: calls with a key, answers as status plus parsed JSON. */
public final class Api {

    private final HttpClient client;
    private final String key;

    public Api(HttpClient client, String key) {
        this.client = client;
        this.key = key;
    }

    public Api as(String otherKey) {
        return new Api(client, otherKey);
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(path));
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.POST(path, json).contentType("application/json"));
    }

    public Reply delete(String path) {
        return send(HttpRequest.DELETE(path));
    }

    public Reply send(MutableHttpRequest<?> request) {
        if (key != null) {
            request.bearerAuth(key);
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(String.class));
            return new Reply(response, response.getBody().orElse(null));
        } catch (HttpClientResponseException e) {
            return new Reply(e.getResponse(), e.getResponse().getBody(String.class).orElse(null));
        }
    }

    /** An answer: its status, content type, headers and JSON body. */
    public record Reply(HttpResponse<?> response, String text) {

        public int status() {
            return response.getStatus().getCode();
        }

        public String contentType() {
            return response.getContentType().map(Object::toString).orElse("");
        }

        public String header(String name) {
            return response.getHeaders().get(name);
        }

        public JsonNode json() {
            return text == null || text.isEmpty() ? Json.MAPPER.nullNode() : Json.parse(text);
        }

        @Override
        public String toString() {
            return status() + " " + text;
        }
    }
}
