package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A task as {@code GET /v1/tasks/{tid}} shows it; input and output are embedded JSON.
 * {@code waitingFor} lists the inputs a WAITING task still waits for; {@code subtasks} the ids of the
 * tasks it submitted and {@code history} every status it had, with the attempt and its worker (both
 * only on a single task, not in lists).
 */
@Serdeable
public record TaskView(String id, String sessionId, String type, String status, int attempt, JsonNode input,
                       @Nullable JsonNode output, @Nullable ErrorView error, @Nullable String worker,
                       Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
                       @Nullable String parentId, int priority, List<String> dependsOn, List<String> outputs,
                       List<String> waitingFor, @Nullable List<String> subtasks, @Nullable List<HistoryView> history) {

    /** One status a task had: since when, in which attempt, and on which member when it ran. */
    @Serdeable
    public record HistoryView(String status, Instant at, int attempt, @Nullable String worker) {
    }

    @Serdeable
    public record ErrorView(String type, @Nullable String exception, String message) {
    }
}
