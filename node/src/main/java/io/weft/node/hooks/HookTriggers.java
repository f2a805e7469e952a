package io.weft.node.hooks;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.util.List;

/**
 * Turns what happened into deliveries: one per hook that wants the event and covers its session,
 * inserted if absent under an id derived from the hook and the event, so an event seen twice (a
 * repeated map event, both triggers of a session's end) makes one delivery. New deliveries go to the
 * {@link DeliveryRunner} at once.
 *
 * <p><b>Session finished</b> is checked when a session becomes CLOSED or CANCELLED and whenever a task of
 * such a session ends: it holds once the session takes no new tasks and no task of it is WAITING,
 * SCHEDULED, QUEUED or RUNNING. Whichever of the last two changes is seen second finds it true (both
 * may, and make the same delivery).
 */
final class HookTriggers {

    private final HookDirectory hooks;
    private final DeliveryRunner runner;
    private final IMap<String, HookDelivery> deliveries;
    private final IMap<String, Task> tasks;
    private final IMap<String, Session> sessions;
    private final IMap<String, String> owners;
    private final Clock clock;

    HookTriggers(HazelcastInstance hazelcast, HookDirectory hooks, DeliveryRunner runner, Clock clock) {
        this.hooks = hooks;
        this.runner = runner;
        this.deliveries = hazelcast.getMap(GridNames.HOOK_DELIVERIES);
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.sessions = hazelcast.getMap(GridNames.SESSIONS);
        this.owners = hazelcast.getMap(GridNames.SESSION_OWNERS);
        this.clock = clock;
    }

    static HookEvent eventOf(TaskStatus status) {
        return switch (status) {
            case SUCCEEDED -> HookEvent.TASK_SUCCEEDED;
            case FAILED -> HookEvent.TASK_FAILED;
            case CANCELLED -> HookEvent.TASK_CANCELLED;
            default -> null;
        };
    }

    /** Whether an ended task can concern any hook: checked on the event thread, before any work is queued. */
    boolean interestedIn(TaskStatus status) {
        HookEvent event = eventOf(status);
        return event != null && (hooks.anyWants(event) || hooks.anyWants(HookEvent.SESSION_FINISHED));
    }

    boolean interestedInSessions() {
        return hooks.anyWants(HookEvent.SESSION_FINISHED);
    }

    void taskEnded(Task task) {
        deliverEnd(task);
        sessionMayHaveFinished(task.sessionId());
    }

    /** Makes the deliveries of a task's end that do not exist yet; returns how many it made. */
    int deliverEnd(Task task) {
        HookEvent event = eventOf(task.status());
        int made = 0;
        if (event != null && hooks.anyWants(event)) {
            String eventId = DeliveryBodies.eventId(task);
            for (Hook hook : matching(event, task.sessionId())) {
                // An audit may read a task that ended before this hook existed: that end is not its to tell.
                if (task.endedAt() != null && task.endedAt().isBefore(hook.createdAt())) {
                    continue;
                }
                if (create(HookDelivery.create(hook.id(), eventId, event, task.sessionId(), task.id(),
                        DeliveryBodies.forTask(hook.id(), eventId, event, task), clock.instant()))) {
                    made++;
                }
            }
        }
        return made;
    }

    void sessionMayHaveFinished(String sessionId) {
        if (!hooks.anyWants(HookEvent.SESSION_FINISHED)) {
            return;
        }
        List<Hook> told = matching(HookEvent.SESSION_FINISHED, sessionId);
        if (told.isEmpty()) {
            return;
        }
        Session session = sessions.get(sessionId);
        if (session == null || (session.state() != SessionState.CLOSED && session.state() != SessionState.CANCELLED)) {
            return;
        }
        Long unfinished = tasks.aggregate(Aggregators.count(),
                Predicates.and(Predicates.equal("sessionId", sessionId),
                        Predicates.in("status", TaskStatus.unfinishedNames())));
        if (unfinished != null && unfinished > 0) {
            return;
        }
        String eventId = DeliveryBodies.eventId(session);
        for (Hook hook : told) {
            create(HookDelivery.create(hook.id(), eventId, HookEvent.SESSION_FINISHED, sessionId, null,
                    DeliveryBodies.forSession(hook.id(), eventId, session, clock.instant()), clock.instant()));
        }
    }

    private List<Hook> matching(HookEvent event, String sessionId) {
        String owner = hooks.anyKeyScoped(event) ? owners.get(sessionId) : null;
        return hooks.matching(event, sessionId, owner);
    }

    private boolean create(HookDelivery delivery) {
        if (deliveries.putIfAbsent(delivery.id(), delivery) == null) {
            runner.schedule(delivery.id(), delivery.nextAttemptAt());
            return true;
        }
        return false;
    }
}
