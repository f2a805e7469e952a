package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.task.TaskEvent;
import java.time.Instant;

/** One status change of one task, as an SSE event's data. */
@Serdeable
public record EventView(String sessionId, String taskId, long sequence, Instant time, @Nullable String from,
                        String to, int attempt) {

    public static EventView of(TaskEvent e) {
        return new EventView(e.sessionId(), e.taskId(), e.sequence(), e.time(), e.from() == null ? null : e.from().name(),
                e.to().name(), e.attempt());
    }

    /** The SSE id: {@code taskId:sequence}. */
    public String eventId() {
        return taskId + ":" + sequence;
    }
}
