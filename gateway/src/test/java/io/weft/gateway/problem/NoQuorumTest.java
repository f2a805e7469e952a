package io.weft.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A write refused for want of the quorum is a 503 with Retry-After that says why, however it arrives. */
class NoQuorumTest {

    private final HttpRequest<?> request = HttpRequest.POST("/v1/sessions", "{}");

    @Test
    void aRefusalOfTheGridIsServiceUnavailableWithRetryAfter() {
        assertRefusal(new NoQuorum().handle(request, new SplitBrainProtectionException("weft-quorum has failed!")));
    }

    @Test
    void aWrappedRefusalIsNotAnInternalErrorNorAConflict() {
        SplitBrainProtectionException refusal = new SplitBrainProtectionException("weft-quorum has failed!");
        assertRefusal(new ExceptionHandlers.Unexpected().handle(request, new CompletionException(refusal)));
        assertRefusal(new ExceptionHandlers.Conflict().handle(request, new IllegalStateException("submit failed", refusal)));
        assertThat((Object) new ExceptionHandlers.Unexpected().handle(request, new RuntimeException("other")).status())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static void assertRefusal(HttpResponse<Problem> response) {
        assertThat((Object) response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((Object) response.header("Retry-After")).isEqualTo(String.valueOf(NoQuorum.RETRY_AFTER_SECONDS));
        assertThat((CharSequence) response.body().detail()).contains("quorum");
    }
}
