package io.weft.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.weft.gateway.budget.GridTimeoutException;
import io.weft.gateway.edge.BodyBrokeOffException;
import io.weft.model.InvalidValueException;
import io.weft.model.result.QuotaExceededException;
import io.weft.model.result.ResultExpiredException;
import jakarta.inject.Singleton;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the domain's exceptions to problem+json: the one place that decides an error's status. */
@SuppressWarnings("rawtypes")
public final class ExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionHandlers.class);

    private ExceptionHandlers() {
    }

    /** A refused value: 400 naming the field. */
    @Singleton
    public static class InvalidValue implements ExceptionHandler<InvalidValueException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidValueException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), request);
        }
    }

    /** Any other bad argument: 400. */
    @Singleton
    public static class IllegalArgument implements ExceptionHandler<IllegalArgumentException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalArgumentException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, e.getMessage(), request);
        }
    }

    /** An unknown id, or one the caller may not see: 404. */
    @Singleton
    public static class NotFound implements ExceptionHandler<NoSuchElementException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NoSuchElementException e) {
            return Problems.response(HttpStatus.NOT_FOUND, e.getMessage(), request);
        }
    }

    /** A result that expired, while its tombstone says when: 410 (after that, 404). */
    @Singleton
    public static class Expired implements ExceptionHandler<ResultExpiredException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ResultExpiredException e) {
            return Problems.response(HttpStatus.GONE, e.getMessage(), request);
        }
    }

    /** An upload past the largest object size or its session's quota: 413, naming the limit. */
    @Singleton
    public static class QuotaExceeded implements ExceptionHandler<QuotaExceededException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, QuotaExceededException e) {
            return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), request);
        }
    }

    /** The thing is in the wrong state for the call (a closed session, a completed result): 409. */
    @Singleton
    public static class Conflict implements ExceptionHandler<IllegalStateException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalStateException e) {
            if (NoQuorum.isCause(e)) {
                return NoQuorum.response(request);
            }
            return Problems.response(HttpStatus.CONFLICT, e.getMessage(), request);
        }
    }

    /** A route whose work is not built yet: 501. */
    @Singleton
    public static class NotImplemented implements ExceptionHandler<UnsupportedOperationException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsupportedOperationException e) {
            return Problems.response(HttpStatus.NOT_IMPLEMENTED, e.getMessage(), request);
        }
    }

    /** Too much queued work: 429 with Retry-After. */
    @Singleton
    public static class Overloaded implements ExceptionHandler<OverloadedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, OverloadedException e) {
            return Problems.response(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), request)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
    }

    /** The grid did not answer within {@code WEFT_GRID_TIMEOUT}: 503 with Retry-After, never a hang. */
    @Singleton
    public static class GridTimeout implements ExceptionHandler<GridTimeoutException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, GridTimeoutException e) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), request)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
    }

    /** The grid gave up on the call itself (Hazelcast's own operation timeout): 503, not a 500. */
    @Singleton
    public static class GridOperationTimeout implements ExceptionHandler<com.hazelcast.core.OperationTimeoutException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, com.hazelcast.core.OperationTimeoutException e) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "the cluster did not answer in time", request)
                    .header("Retry-After", "1");
        }
    }

    /**
     * This gateway's grid instance is shutting down or gone: 503, not the 409 that its being an
     * {@link IllegalStateException} would give.
     */
    @Singleton
    public static class GridNotActive implements ExceptionHandler<com.hazelcast.core.HazelcastInstanceNotActiveException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, com.hazelcast.core.HazelcastInstanceNotActiveException e) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "the cluster is not reachable now", request)
                    .header("Retry-After", "1");
        }
    }

    /** As {@link GridNotActive}, for a gateway that is a client of the cluster. */
    @Singleton
    public static class ClientNotActive implements ExceptionHandler<com.hazelcast.client.HazelcastClientNotActiveException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, com.hazelcast.client.HazelcastClientNotActiveException e) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "the cluster is not reachable now", request)
                    .header("Retry-After", "1");
        }
    }

    /** The cluster cannot be reached now: 503 with Retry-After. */
    @Singleton
    public static class Offline implements ExceptionHandler<com.hazelcast.client.HazelcastClientOfflineException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, com.hazelcast.client.HazelcastClientOfflineException e) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "the cluster is not reachable now", request)
                    .header("Retry-After", "1");
        }
    }

    /**
     * A request body the client stopped sending before its end (or stalled past {@code WEFT_HTTP_IDLE}
     * and was cut off): 400, which it may never read, logged without a stack trace.
     */
    @Singleton
    public static class BodyBrokeOff implements ExceptionHandler<BodyBrokeOffException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, BodyBrokeOffException e) {
            LOG.info("{} {}: {}", request.getMethodName(), request.getPath(), e.getMessage());
            return Problems.response(HttpStatus.BAD_REQUEST, e.getMessage(), request);
        }
    }

    /** Anything else: 500 without internals; the log has the stack trace. */
    @Singleton
    public static class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
            if (NoQuorum.isCause(e)) {
                return NoQuorum.response(request);
            }
            LOG.error("unexpected failure of {} {}", request.getMethodName(), request.getPath(), e);
            return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "the gateway failed to answer; see its log", request);
        }
    }
}
