package io.weft.node.changes;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's one listener on updates of the tasks it owns, routed to its {@link OwnedTaskHandler}s by
 * the status a change leaves. A local listener, so each change is told once, on the member that owns
 * the task, whoever wrote it; filtered in the grid to the handlers' statuses, so the other changes (a
 * claim, an outcome) cost no event; and updates only, since inserts are told by the member that
 * inserted them.
 *
 * <p>One registration for all handlers, not one each, because a registration costs every write of
 * every task, matching or not: the partition thread evaluates its filter, a field read from the
 * serialised task, before the write returns (docs/benchmarks.md).
 */
public final class OwnedTaskChanges implements EntryUpdatedListener<String, Task> {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedTaskChanges.class);

    private final Map<TaskStatus, List<OwnedTaskHandler>> routes;

    private OwnedTaskChanges(Map<TaskStatus, List<OwnedTaskHandler>> routes) {
        this.routes = routes;
    }

    /** Registers the handlers' listener on this member; it lives as long as the member. */
    public static UUID listen(HazelcastInstance member, List<OwnedTaskHandler> handlers) {
        Map<TaskStatus, List<OwnedTaskHandler>> routes = new EnumMap<>(TaskStatus.class);
        for (OwnedTaskHandler handler : handlers) {
            Set<TaskStatus> statuses = handler.statuses();
            if (statuses.isEmpty()) {
                throw new IllegalArgumentException(handler + " names no status");
            }
            statuses.forEach(status -> routes.computeIfAbsent(status, s -> new ArrayList<>()).add(handler));
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no handlers");
        }
        String[] filtered = routes.keySet().stream().map(Enum::name).toArray(String[]::new);
        return member.<String, Task>getMap(GridNames.TASKS)
                .addLocalEntryListener(new OwnedTaskChanges(routes), Predicates.in("status", filtered), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Task> event) {
        for (OwnedTaskHandler handler : routes.getOrDefault(event.getValue().status(), List.of())) {
            // One handler's failure must not keep the others from hearing the change, as it could not
            // when each had a listener of its own.
            try {
                handler.changed(event);
            } catch (RuntimeException e) {
                LOG.warn("{} failed on the change of task {}", handler.getClass().getSimpleName(), event.getKey(), e);
            }
        }
    }
}
