package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code POST /v1/sessions/{sid}/tasks}: up to 10,000 tasks, stored all or none. */
@Serdeable
public record SubmitRequest(@Nullable List<TaskRequest> tasks) {
}
