package io.weft.client;

import io.weft.model.session.TaskCounts;
import io.weft.model.task.TaskStatus;
import java.util.EnumMap;
import java.util.Map;

/** A session's task counts two ways, for comparing: as kept by the nodes, and as listing its tasks says. */
final class CountsOf {

    private CountsOf() {
    }

    /** The counts the nodes keep, without the statuses that went back to 0. */
    static Map<TaskStatus, Long> kept(WeftClient client, String session) {
        TaskCounts counts = client.sessions().counts(session);
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        counts.byStatus().forEach((status, n) -> {
            if (n != 0) {
                byStatus.put(status, n);
            }
        });
        return byStatus;
    }

    /** What listing every task of the session says. */
    static Map<TaskStatus, Long> listed(WeftClient client, String session) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        client.tasks().list(session, null).forEach(t -> byStatus.merge(t.status(), 1L, Long::sum));
        return byStatus;
    }
}
