package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.task.FollowUp;

/**
 * {@code options.then}: the task to submit when this one succeeds, its input being this one's output.
 * Its options are its own (unset ones take the standard defaults) and may hold a {@code then} of their own.
 */
@Serdeable
public record ThenRequest(@Nullable String type, @Nullable TaskOptionsRequest options) {

    public static ThenRequest of(FollowUp followUp) {
        return followUp == null ? null : new ThenRequest(followUp.type(), TaskOptionsRequest.of(followUp.options()));
    }
}
