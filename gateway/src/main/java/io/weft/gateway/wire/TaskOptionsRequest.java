package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.task.TaskOptions;
import java.util.Map;

/**
 * Task options as JSON: durations ISO-8601 ({@code PT30S}), {@code runAt} an ISO-8601 instant,
 * {@code then} a follow-up task (see {@link ThenRequest}).
 */
@Serdeable
public record TaskOptionsRequest(@Nullable Integer priority, @Nullable Integer maxRetries, @Nullable String backoff,
                                 @Nullable String timeout, @Nullable String runAt, @Nullable String delay,
                                 @Nullable Map<String, String> labels, @Nullable ThenRequest then) {

    /** The wire form of {@code options} (a session's defaults, as its view shows them). */
    public static TaskOptionsRequest of(TaskOptions options) {
        return new TaskOptionsRequest(options.priority(), options.maxRetries(), options.backoff().toString(),
                options.timeout().toString(), options.runAt() == null ? null : options.runAt().toString(),
                options.delay() == null ? null : options.delay().toString(), options.labels(),
                ThenRequest.of(options.followUp()));
    }
}
