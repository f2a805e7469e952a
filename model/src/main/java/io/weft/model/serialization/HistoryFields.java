package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.task.StatusChange;
import io.weft.model.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's history as Compact fields: four parallel arrays rather than a list of nested records, which
 * every write of a task would otherwise serialise one by one; plus {@code createdAt} and
 * {@code updatedAt} (epoch milliseconds), written only for queries. Public for the benchmarks, which
 * write a task's state the same way to measure what its spec costs.
 */
public final class HistoryFields {

    private static final TaskStatus[] STATUSES = TaskStatus.values();

    private HistoryFields() {
    }

    public static void write(CompactWriter out, List<StatusChange> history) {
        int n = history.size();
        byte[] statuses = new byte[n];
        long[] times = new long[n];
        int[] attempts = new int[n];
        String[] members = new String[n];
        for (int i = 0; i < n; i++) {
            StatusChange change = history.get(i);
            statuses[i] = (byte) change.status().ordinal();
            times[i] = change.at().toEpochMilli();
            attempts[i] = change.attempt();
            members[i] = change.member();
        }
        out.writeArrayOfInt8("historyStatus", statuses);
        out.writeArrayOfInt64("historyAt", times);
        out.writeArrayOfInt32("historyAttempt", attempts);
        out.writeArrayOfString("historyMember", members);
        out.writeInt64("createdAt", times[0]);
        out.writeInt64("updatedAt", times[n - 1]);
    }

    public static List<StatusChange> read(CompactReader in) {
        byte[] statuses = in.readArrayOfInt8("historyStatus");
        long[] times = in.readArrayOfInt64("historyAt");
        int[] attempts = in.readArrayOfInt32("historyAttempt");
        String[] members = in.readArrayOfString("historyMember");
        List<StatusChange> history = new ArrayList<>(statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            history.add(new StatusChange(STATUSES[statuses[i]], Instant.ofEpochMilli(times[i]), attempts[i], members[i]));
        }
        return history;
    }

    /**
     * The time a query of one status compares (see {@link TaskSerializer}): the due time while
     * SCHEDULED, else the last change's.
     */
    public static long statusTime(TaskStatus status, Instant dueAt, List<StatusChange> history) {
        return status == TaskStatus.SCHEDULED ? dueAt.toEpochMilli() : history.get(history.size() - 1).at().toEpochMilli();
    }
}
