package io.weft.gateway.problem;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * A write refused because the members the gateway reached are a side of a split without the quorum:
 * 503 with Retry-After, saying so, rather than 500. Found also when the grid's exception arrives
 * wrapped (in a completion or execution exception) by the call that made it.
 */
@Singleton
@SuppressWarnings("rawtypes")
public final class NoQuorum implements ExceptionHandler<SplitBrainProtectionException, HttpResponse<Problem>> {

    /** Seconds a client should wait: about one merge round (hazelcast.merge.next.run.delay.seconds). */
    public static final int RETRY_AFTER_SECONDS = 10;
    static final String DETAIL = "the cluster is split and the members this gateway reaches are fewer than the quorum: "
            + "writes are refused until the network heals and the sides merge; try again later";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, SplitBrainProtectionException e) {
        return response(request);
    }

    /** True when {@code thrown} is, or was caused by, a refusal for want of the quorum. */
    public static boolean isCause(Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = thrown; t != null && !seen.contains(t); t = t.getCause()) {
            if (t instanceof SplitBrainProtectionException) {
                return true;
            }
            seen.add(t);
        }
        return false;
    }

    static HttpResponse<Problem> response(HttpRequest<?> request) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, DETAIL, request)
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
}
