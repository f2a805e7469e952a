package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.Checks;
import io.weft.model.Ids;
import io.weft.model.grid.CancelTask;
import io.weft.model.grid.GridNames;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/** Sessions: containers of tasks and results. */
public final class Sessions {

    private final HazelcastInstance hazelcast;
    private final IMap<String, Session> sessions;
    private final Clock clock;

    Sessions(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.sessions = hazelcast.getMap(GridNames.SESSIONS);
        this.clock = clock;
    }

    public Session create(String name, Map<String, String> labels) {
        Session session = new Session(Ids.newSessionId(), name, labels, SessionState.OPEN, clock.instant());
        sessions.set(session.id(), session);
        return session;
    }

    public Optional<Session> get(String sessionId) {
        Checks.id("sessionId", sessionId);
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** The session, or {@link NoSuchElementException} naming it. */
    public Session require(String sessionId) {
        return get(sessionId).orElseThrow(() -> new NoSuchElementException("no session " + sessionId));
    }

    /** Every session, oldest first. */
    public List<Session> list() {
        return sessions.values().stream().sorted(Comparator.comparing(Session::createdAt).thenComparing(Session::id)).toList();
    }

    /** No new tasks; the ones it has finish. */
    public Session close(String sessionId) {
        return changeState(sessionId, SessionState.CLOSED, () -> null);
    }

    /** No new tasks, and every unfinished one is cancelled (running ones interrupted). */
    public Session cancel(String sessionId) {
        return changeState(sessionId, SessionState.CANCELLED, () -> {
            IMap<String, Task> tasks = hazelcast.getMap(GridNames.TASKS);
            Map<String, Task> cancelled = tasks.executeOnEntries(new CancelTask(clock.millis()),
                    Predicates.and(Predicates.equal("sessionId", sessionId),
                            Predicates.in("status", TaskStatus.WAITING.name(), TaskStatus.SCHEDULED.name(),
                                    TaskStatus.QUEUED.name(), TaskStatus.RUNNING.name())));
            cancelled.values().forEach(task -> Tasks.interruptIfItRan(hazelcast, task));
            return null;
        });
    }

    /**
     * Session-wide changes hold the session's FencedLock, so two gateways cancelling and resuming the
     * same session at once apply one after the other, never interleaved.
     */
    private Session changeState(String sessionId, SessionState target, Supplier<Void> thenApply) {
        Session current = require(sessionId);
        FencedLock lock = hazelcast.getCPSubsystem().getLock(GridNames.sessionLock(sessionId));
        lock.lock();
        try {
            current = require(sessionId);
            if (!allowed(current.state(), target)) {
                throw new IllegalStateException("session " + sessionId + " is " + current.state() + " and cannot become " + target);
            }
            Session changed = current.withState(target);
            sessions.set(sessionId, changed);
            thenApply.get();
            return changed;
        } finally {
            lock.unlock();
        }
    }

    private static boolean allowed(SessionState from, SessionState to) {
        return switch (to) {
            case CLOSED -> from == SessionState.OPEN || from == SessionState.PAUSED;
            case CANCELLED -> from != SessionState.CANCELLED;
            default -> false;
        };
    }
}
