package io.weft.gateway.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.weft.gateway.problem.Problem;
import java.util.List;

/**
 * A message the gateway sends on {@code /v1/ws}: {@code ready} (first, once the socket takes
 * commands), {@code event} (one task change, with the same {@code id} as the SSE stream's, usable as
 * {@code lastEventId}), {@code log} (a line a task's handler wrote; no id), {@code pong} (to a {@code ping}),
 * {@code authenticated},
 * {@code subscribed}, {@code unsubscribed}, {@code submitted} (with the tasks' ids and statuses) or
 * {@code error} (an RFC 9457 problem).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SocketReply(String op, @Nullable String requestId, @Nullable String sessionId, @Nullable String id,
                          @Nullable EventView event, @Nullable LogEventView log,
                          @Nullable List<SubmitResponse.Submitted> tasks, @Nullable Problem error) {

    public static SocketReply ack(String op, String requestId, String sessionId) {
        return new SocketReply(op, requestId, sessionId, null, null, null, null, null);
    }

    public static SocketReply event(EventView event) {
        return new SocketReply("event", null, event.sessionId(), event.eventId(), event, null, null, null);
    }

    public static SocketReply log(LogEventView log) {
        return new SocketReply("log", null, log.sessionId(), null, null, log, null, null);
    }

    public static SocketReply submitted(String requestId, String sessionId, List<SubmitResponse.Submitted> tasks) {
        return new SocketReply("submitted", requestId, sessionId, null, null, null, tasks, null);
    }

    public static SocketReply error(String requestId, Problem problem) {
        return new SocketReply("error", requestId, null, null, null, null, null, problem);
    }
}
