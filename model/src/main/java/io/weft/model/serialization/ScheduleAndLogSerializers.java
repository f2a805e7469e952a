package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.AdvanceSchedule;
import io.weft.model.grid.AppendTaskLog;
import io.weft.model.grid.ChangeScheduleState;
import io.weft.model.grid.RecordScheduleOutcome;
import io.weft.model.logs.LogLine;
import io.weft.model.logs.TaskLog;
import io.weft.model.logs.TaskLogLines;
import io.weft.model.schedule.MisfirePolicy;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleLimits;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.schedule.ScheduleState;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.List;

/**
 * The Compact serializers of schedules and task logs. A schedule's {@code sessionId}, {@code state},
 * {@code nextFireAt} (epoch millis) and {@code pendingCount} are top-level fields: the firer's
 * queries and the map's indexes read them.
 */
final class ScheduleAndLogSerializers {

    private ScheduleAndLogSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new ScheduleSpecSerializer(), new ScheduleSerializer(), new AdvanceScheduleSerializer(),
                new RecordScheduleOutcomeSerializer(), new ChangeScheduleStateSerializer(), new LogLineSerializer(),
                new TaskLogSerializer(), new TaskLogLinesSerializer(), new AppendTaskLogSerializer(),
                new ScheduleLimitsSerializer());
    }

    abstract static class Named<T> implements CompactSerializer<T> {
        private final String typeName;
        private final Class<T> type;

        Named(String typeName, Class<T> type) {
            this.typeName = typeName;
            this.type = type;
        }

        @Override
        public String getTypeName() {
            return typeName;
        }

        @Override
        public Class<T> getCompactClass() {
            return type;
        }
    }

    static final class ScheduleLimitsSerializer extends Named<ScheduleLimits> {
        ScheduleLimitsSerializer() {
            super("weft.ScheduleLimits", ScheduleLimits.class);
        }

        @Override
        public ScheduleLimits read(CompactReader in) {
            return new ScheduleLimits(Fields.readDuration(in, "minInterval"));
        }

        @Override
        public void write(CompactWriter out, ScheduleLimits value) {
            Fields.writeDuration(out, "minInterval", value.minInterval());
        }
    }

    static final class ScheduleSpecSerializer extends Named<ScheduleSpec> {
        ScheduleSpecSerializer() {
            super("weft.ScheduleSpec", ScheduleSpec.class);
        }

        @Override
        public ScheduleSpec read(CompactReader in) {
            return new ScheduleSpec(in.readString("sessionId"), in.readString("cron"), in.readString("zone"),
                    Fields.readDuration(in, "everyMs"), in.readCompact("task"),
                    Fields.readEnum(in, "misfire", MisfirePolicy.class), in.readInt32("maxFailures"));
        }

        @Override
        public void write(CompactWriter out, ScheduleSpec value) {
            out.writeString("sessionId", value.sessionId());
            out.writeString("cron", value.cron());
            out.writeString("zone", value.zone());
            Fields.writeDuration(out, "everyMs", value.every());
            out.writeCompact("task", value.task());
            out.writeString("misfire", Fields.enumName(value.misfire()));
            out.writeInt32("maxFailures", value.maxFailures());
        }
    }

    static final class ScheduleSerializer extends Named<Schedule> {
        ScheduleSerializer() {
            super("weft.Schedule", Schedule.class);
        }

        @Override
        public Schedule read(CompactReader in) {
            return new Schedule(in.readString("id"), in.<ScheduleSpec>readCompact("spec"),
                    Fields.readEnum(in, "state", ScheduleState.class), in.readString("reason"),
                    Fields.readInstant(in, "createdAt"), Fields.readInstant(in, "nextFireAt"),
                    Fields.readInstant(in, "lastFiredAt"), in.readString("lastTaskId"), in.readInt64("fired"),
                    in.readInt32("failures"), Fields.readStrings(in, "pending"), in.readInt64("fence"));
        }

        @Override
        public void write(CompactWriter out, Schedule value) {
            out.writeString("id", value.id());
            out.writeString("sessionId", value.sessionId());
            out.writeCompact("spec", value.spec());
            out.writeString("state", Fields.enumName(value.state()));
            out.writeString("reason", value.reason());
            Fields.writeInstant(out, "createdAt", value.createdAt());
            Fields.writeInstant(out, "nextFireAt", value.nextFireAt());
            Fields.writeInstant(out, "lastFiredAt", value.lastFiredAt());
            out.writeString("lastTaskId", value.lastTaskId());
            out.writeInt64("fired", value.fired());
            out.writeInt32("failures", value.failures());
            Fields.writeStrings(out, "pending", value.pending());
            out.writeInt32("pendingCount", value.pending().size());
            out.writeInt64("fence", value.fence());
        }
    }

    static final class AdvanceScheduleSerializer extends Named<AdvanceSchedule> {
        AdvanceScheduleSerializer() {
            super("weft.op.AdvanceSchedule", AdvanceSchedule.class);
        }

        @Override
        public AdvanceSchedule read(CompactReader in) {
            return new AdvanceSchedule(in.readInt64("tick"), in.readNullableInt64("next"), in.readString("taskId"),
                    in.readString("failure"), in.readInt64("fence"));
        }

        @Override
        public void write(CompactWriter out, AdvanceSchedule value) {
            out.writeInt64("tick", value.tickMillis());
            out.writeNullableInt64("next", value.nextMillis());
            out.writeString("taskId", value.taskId());
            out.writeString("failure", value.failure());
            out.writeInt64("fence", value.fence());
        }
    }

    static final class RecordScheduleOutcomeSerializer extends Named<RecordScheduleOutcome> {
        RecordScheduleOutcomeSerializer() {
            super("weft.op.RecordScheduleOutcome", RecordScheduleOutcome.class);
        }

        @Override
        public RecordScheduleOutcome read(CompactReader in) {
            return new RecordScheduleOutcome(in.readString("taskId"), Fields.readEnum(in, "status", TaskStatus.class),
                    in.readString("why"));
        }

        @Override
        public void write(CompactWriter out, RecordScheduleOutcome value) {
            out.writeString("taskId", value.taskId());
            out.writeString("status", Fields.enumName(value.status()));
            out.writeString("why", value.why());
        }
    }

    static final class ChangeScheduleStateSerializer extends Named<ChangeScheduleState> {
        ChangeScheduleStateSerializer() {
            super("weft.op.ChangeScheduleState", ChangeScheduleState.class);
        }

        @Override
        public ChangeScheduleState read(CompactReader in) {
            return new ChangeScheduleState(Fields.readEnum(in, "to", ScheduleState.class), in.readString("reason"),
                    in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, ChangeScheduleState value) {
            out.writeString("to", Fields.enumName(value.to()));
            out.writeString("reason", value.reason());
            out.writeInt64("now", value.nowMillis());
        }
    }

    static final class LogLineSerializer extends Named<LogLine> {
        LogLineSerializer() {
            super("weft.LogLine", LogLine.class);
        }

        @Override
        public LogLine read(CompactReader in) {
            return new LogLine(in.readInt64("sequence"), Instant.ofEpochMilli(in.readInt64("at")), in.readInt32("attempt"),
                    in.readString("text"));
        }

        @Override
        public void write(CompactWriter out, LogLine value) {
            out.writeInt64("sequence", value.sequence());
            out.writeInt64("at", value.at().toEpochMilli());
            out.writeInt32("attempt", value.attempt());
            out.writeString("text", value.text());
        }
    }

    static final class TaskLogSerializer extends Named<TaskLog> {
        TaskLogSerializer() {
            super("weft.TaskLog", TaskLog.class);
        }

        @Override
        public TaskLog read(CompactReader in) {
            return new TaskLog(in.readString("taskId"), in.readString("sessionId"),
                    List.of(in.readArrayOfCompact("lines", LogLine.class)), in.readInt64("dropped"));
        }

        @Override
        public void write(CompactWriter out, TaskLog value) {
            out.writeString("taskId", value.taskId());
            out.writeString("sessionId", value.sessionId());
            out.writeArrayOfCompact("lines", value.lines().toArray(new LogLine[0]));
            out.writeInt64("dropped", value.dropped());
        }
    }

    static final class TaskLogLinesSerializer extends Named<TaskLogLines> {
        TaskLogLinesSerializer() {
            super("weft.TaskLogLines", TaskLogLines.class);
        }

        @Override
        public TaskLogLines read(CompactReader in) {
            return new TaskLogLines(in.readString("sessionId"), in.readString("taskId"),
                    List.of(in.readArrayOfCompact("lines", LogLine.class)));
        }

        @Override
        public void write(CompactWriter out, TaskLogLines value) {
            out.writeString("sessionId", value.sessionId());
            out.writeString("taskId", value.taskId());
            out.writeArrayOfCompact("lines", value.lines().toArray(new LogLine[0]));
        }
    }

    static final class AppendTaskLogSerializer extends Named<AppendTaskLog> {
        AppendTaskLogSerializer() {
            super("weft.op.AppendTaskLog", AppendTaskLog.class);
        }

        @Override
        public AppendTaskLog read(CompactReader in) {
            return new AppendTaskLog(in.readString("sessionId"), List.of(in.readArrayOfCompact("lines", LogLine.class)),
                    in.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter out, AppendTaskLog value) {
            out.writeString("sessionId", value.sessionId());
            out.writeArrayOfCompact("lines", value.lines().toArray(new LogLine[0]));
            out.writeInt32("limit", value.limit());
        }
    }
}
