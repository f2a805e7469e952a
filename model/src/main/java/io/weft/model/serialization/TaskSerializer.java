package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Inputs;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A task as one flat Compact record: its spec, options, error and history are written as plain
 * fields and parallel arrays rather than nested records, because every entry processor, listener event
 * and backup of a task goes through here, on a partition thread. Field names are queryable (the
 * tasks map's indexes are in the node's {@code MemberConfigFactory}); {@code createdAt},
 * {@code updatedAt} and {@code statusTime} (epoch milliseconds) are written only for queries.
 * {@code statusTime} is the time a query of one status compares: when a SCHEDULED task falls due, and
 * for any other status when the task last changed. One sorted (status, statusTime) index thus answers
 * both "SCHEDULED and due before t" and "QUEUED (RUNNING, WAITING, ended) and quiet since t".
 */
final class TaskSerializer implements CompactSerializer<Task> {

    @Override
    public Task read(CompactReader in) {
        TaskOptions options = new TaskOptions(in.readInt32("priority"), in.readInt32("maxRetries"),
                Duration.ofMillis(in.readInt64("backoffMs")), Duration.ofMillis(in.readInt64("timeoutMs")),
                Fields.readInstant(in, "runAt"), Fields.readDuration(in, "delayMs"), Fields.readLabels(in, "labels"),
                Fields.readOptionalString(in, "then"));
        TaskSpec spec = new TaskSpec(in.readString("type"), in.readString("input"), options,
                Fields.readStrings(in, "dependsOn"), Fields.readStrings(in, "outputs"),
                in.readString("idempotencyKey"), in.readString("parentId"));
        String errorType = in.readString("errorType");
        TaskError error = errorType == null ? null
                : new TaskError(ErrorType.valueOf(errorType), in.readString("errorException"), in.readString("errorMessage"));
        return new Task(in.readString("id"), in.readString("sessionId"), spec, TaskStatus.valueOf(in.readString("status")),
                in.readInt32("attempt"), in.readInt32("failures"), in.readString("worker"),
                Instant.ofEpochMilli(in.readInt64("dueAt")),
                new Inputs(in.readString("largestInput"), in.readInt64("largestInputBytes")),
                in.readString("output"), error, HistoryFields.read(in));
    }

    @Override
    public void write(CompactWriter out, Task value) {
        TaskSpec spec = value.spec();
        TaskOptions options = spec.options();
        out.writeString("id", value.id());
        out.writeString("sessionId", value.sessionId());
        out.writeString("type", spec.type());
        out.writeString("input", spec.input());
        out.writeInt32("priority", options.priority());
        out.writeInt32("maxRetries", options.maxRetries());
        out.writeInt64("backoffMs", options.backoff().toMillis());
        out.writeInt64("timeoutMs", options.timeout().toMillis());
        Fields.writeInstant(out, "runAt", options.runAt());
        Fields.writeDuration(out, "delayMs", options.delay());
        Fields.writeLabels(out, "labels", options.labels());
        out.writeString("then", options.then());
        Fields.writeStrings(out, "dependsOn", spec.dependsOn());
        Fields.writeStrings(out, "outputs", spec.outputs());
        out.writeString("idempotencyKey", spec.idempotencyKey());
        out.writeString("parentId", spec.parentId());
        out.writeString("status", value.status().name());
        out.writeInt32("attempt", value.attempt());
        out.writeInt32("failures", value.failures());
        out.writeString("worker", value.worker());
        out.writeInt64("dueAt", value.dueAt().toEpochMilli());
        out.writeString("largestInput", value.inputs().largest());
        out.writeInt64("largestInputBytes", value.inputs().largestBytes());
        out.writeString("output", value.output());
        TaskError error = value.error();
        out.writeString("errorType", error == null ? null : error.type().name());
        out.writeString("errorException", error == null ? null : error.exception());
        out.writeString("errorMessage", error == null ? null : error.message());
        HistoryFields.write(out, value.history());
        out.writeInt64("statusTime", HistoryFields.statusTime(value.status(), value.dueAt(), value.history()));
    }

    @Override
    public String getTypeName() {
        return "weft.Task";
    }

    @Override
    public Class<Task> getCompactClass() {
        return Task.class;
    }
}
