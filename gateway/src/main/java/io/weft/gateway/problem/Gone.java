package io.weft.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.weft.model.cluster.DataLostException;
import jakarta.inject.Singleton;

/**
 * An id whose partition the cluster lost with every replica: 410 Gone, "lost with partition N when
 * members … failed at T", for as long as the loss is recorded; not 404, which says it never existed.
 */
@Singleton
@SuppressWarnings("rawtypes")
public final class Gone implements ExceptionHandler<DataLostException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataLostException e) {
        return Problems.response(HttpStatus.GONE, e.getMessage(), request);
    }
}
