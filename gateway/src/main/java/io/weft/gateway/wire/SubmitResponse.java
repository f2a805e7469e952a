package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The submitted tasks' ids and statuses, in the order of the request. */
@Serdeable
public record SubmitResponse(List<Submitted> tasks) {

    @Serdeable
    public record Submitted(String id, String status) {
    }
}
