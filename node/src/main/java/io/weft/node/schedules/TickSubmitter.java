package io.weft.node.schedules;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.Ids;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleLimits;
import io.weft.model.session.Session;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Submits the task of one tick of a schedule. Its id is derived from the session and
 * {@link Schedule#tickKey}, so a firer that repeats the tick (after the previous one died between
 * submitting and moving the schedule on) finds the first task instead of making a second.
 */
final class TickSubmitter {

    /** Labels each tick's task carries, so a schedule's tasks can be found. */
    static final String SCHEDULE_LABEL = "schedule";
    static final String TICK_LABEL = "tick";

    private final IMap<String, Session> sessions;
    private final TaskGraph graph;
    private final Supplier<Set<String>> servedTypes;
    private final ScheduleLimits limits;

    TickSubmitter(HazelcastInstance hazelcast, TaskGraph graph, Supplier<Set<String>> servedTypes, ScheduleLimits limits) {
        this.sessions = hazelcast.getMap(GridNames.SESSIONS);
        this.graph = graph;
        this.servedTypes = servedTypes;
        this.limits = limits;
    }

    /** Returns the tick's task id; a {@link TickRefused} says why the schedule's task cannot be made. */
    String submit(Schedule schedule, Instant tick, Instant now) {
        Session session = sessions.get(schedule.sessionId());
        if (session == null) {
            throw new TickRefused("session " + schedule.sessionId() + " does not exist");
        }
        if (!session.state().acceptsTasks()) {
            throw new TickRefused("session " + session.id() + " is " + session.state() + " and takes no new tasks");
        }
        try {
            limits.check(schedule.spec(), tick);
        } catch (InvalidValueException e) {
            throw new TickRefused(e.getMessage());
        }
        TaskSpec template = schedule.spec().task();
        if (!servedTypes.get().contains(template.type())) {
            throw new TickRefused("no node serves task type '" + template.type() + "'");
        }
        String key = schedule.tickKey(tick);
        Map<String, String> labels = new HashMap<>(template.options().labels());
        labels.put(SCHEDULE_LABEL, schedule.id());
        labels.put(TICK_LABEL, tick.toString());
        TaskOptions options = template.options().toBuilder().labels(labels).build();
        TaskSpec spec = template.withOptions(options).withIdempotencyKey(key);
        Task task = Task.create(Ids.idempotentTaskId(session.id(), key), session.id(), spec, now);
        return graph.submit(session.id(), List.of(task), null).get(0).id();
    }

    /** The schedule's task is refused for a reason that repeating the tick would not change. */
    static final class TickRefused extends RuntimeException {
        TickRefused(String message) {
            super(message);
        }
    }
}
