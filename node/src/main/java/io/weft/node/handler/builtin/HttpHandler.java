package io.weft.node.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.Json;
import io.weft.model.http.UrlAllowList;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code http}: one HTTP request, the connector to the world outside the grid. The output is the
 * response's {@code status}, {@code headers} (each name once, lower case, values joined by ", ") and
 * {@code body} (JSON when the response says {@code application/json} and parses, else text).
 *
 * <p>A node calls only URLs that start with one of its allow-list's prefixes ({@code WEFT_HTTP_ALLOW});
 * any other fails the attempt and names the URL ({@link UrlAllowList}, the check hooks share). The handler is built by the node with that list, not
 * found by the service loader, because the loader can pass it no configuration.
 */
public final class HttpHandler implements TaskHandler {

    /** The most response bytes kept as output: a task's output is a grid value, not a download. */
    public static final int MAX_RESPONSE_BYTES = Json.MAX_DOCUMENT_CHARS / 2;
    public static final long DEFAULT_TIMEOUT_MS = 30_000;

    private static final TaskType TYPE = TaskType.of("http", "Sends one HTTP request to an allowed URL.", """
            {"type": "object", "required": ["url"], "additionalProperties": false,
             "properties": {
               "method": {"type": "string", "enum": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]},
               "url": {"type": "string", "minLength": 1, "maxLength": 4096},
               "headers": {"type": "object", "additionalProperties": {"type": "string"}},
               "body": {},
               "timeoutMs": {"type": "integer", "minimum": 1, "maximum": 300000}}}""",
            """
            {"type": "object", "properties": {"status": {"type": "integer"}, "headers": {"type": "object"}, "body": {}}}""");

    private final UrlAllowList allowList;
    // Redirects are never followed: a redirect could lead outside the allow-list.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** @param allowList the URL prefixes it may call; empty allows none */
    public HttpHandler(UrlAllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) throws IOException, InterruptedException {
        JsonNode input = context.input();
        URI uri = allowList.check("input.url", input.path("url").asText(""));
        String method = input.path("method").asText("GET").toUpperCase(Locale.ROOT);
        long timeoutMs = input.path("timeoutMs").asLong(DEFAULT_TIMEOUT_MS);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeoutMs));
        input.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        JsonNode body = input.get("body");
        if (body == null || body.isNull()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            // A string is sent as it is; any other JSON value as JSON, typed so unless the input says otherwise.
            String text = body.isTextual() ? body.asText() : Json.write(body);
            if (!body.isTextual() && !hasHeader(input.path("headers"), "Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        ObjectNode output = Json.MAPPER.createObjectNode().put("status", response.statusCode());
        ObjectNode headers = output.putObject("headers");
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
        }
        String text = readBounded(response.body());
        boolean json = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT)
                .startsWith("application/json");
        output.set("body", json && !text.isBlank() ? parseOrText(text) : Json.MAPPER.getNodeFactory().textNode(text));
        return output;
    }

    private static boolean hasHeader(JsonNode headers, String name) {
        for (var names = headers.fieldNames(); names.hasNext(); ) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String readBounded(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new IOException("the response body is larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parseOrText(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
    }
}
