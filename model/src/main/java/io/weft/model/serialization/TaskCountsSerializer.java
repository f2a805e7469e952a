package io.weft.model.serialization;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.TaskStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * One nullable field per status, named as the status ({@code QUEUED}, {@code RUNNING}, …): null for a
 * status never counted. Plain fields make the counts queryable (the recount after a member's loss
 * looks for sessions whose counts say tasks are unfinished) and readable in Management Center.
 */
final class TaskCountsSerializer implements CompactSerializer<TaskCounts> {

    private static final TaskStatus[] STATUSES = TaskStatus.values();

    @Override
    public TaskCounts read(CompactReader in) {
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : STATUSES) {
            // A record written before a status existed lacks its field.
            if (in.getFieldKind(status.name()) != FieldKind.NOT_AVAILABLE) {
                Long count = in.readNullableInt64(status.name());
                if (count != null) {
                    counts.put(status, count);
                }
            }
        }
        return new TaskCounts(counts);
    }

    @Override
    public void write(CompactWriter out, TaskCounts value) {
        for (TaskStatus status : STATUSES) {
            out.writeNullableInt64(status.name(), value.byStatus().get(status));
        }
    }

    @Override
    public String getTypeName() {
        return "weft.TaskCounts";
    }

    @Override
    public Class<TaskCounts> getCompactClass() {
        return TaskCounts.class;
    }
}
