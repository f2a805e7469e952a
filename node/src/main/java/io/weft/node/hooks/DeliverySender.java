package io.weft.node.hooks;

import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookSigning;
import io.weft.model.http.UrlAllowList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs a delivery's body, signed, to its hook's URL. The URL is checked against the node's allow-list
 * again at each attempt (the list may have changed since the hook was registered); redirects are never
 * followed, since one could lead outside it. The answer's body is discarded: only its status counts.
 */
final class DeliverySender {

    static final String USER_AGENT = "weft-hooks/1";

    private final UrlAllowList allowList;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    DeliverySender(UrlAllowList allowList, Duration timeout, Clock clock) {
        this.allowList = allowList;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** Sends it without blocking; the future completes with the receiver's status, or fails. */
    CompletableFuture<Integer> send(HookDelivery delivery, String url, String secret) {
        URI uri;
        try {
            uri = allowList.check("url", url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(HookSigning.SIGNATURE_HEADER, HookSigning.header(secret, clock.instant().getEpochSecond(), delivery.body()))
                .header(HookSigning.DELIVERY_HEADER, delivery.id())
                .header(HookSigning.EVENT_HEADER, delivery.event().name())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
