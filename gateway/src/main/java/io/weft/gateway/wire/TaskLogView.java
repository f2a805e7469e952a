package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A task's kept log lines, oldest first; {@code dropped} older lines went past the per-task limit. */
@Serdeable
public record TaskLogView(String taskId, long dropped, List<Line> lines) {

    /** One line, with its place in the task's log and the attempt that wrote it. */
    @Serdeable
    public record Line(long sequence, Instant at, int attempt, String text) {
    }
}
