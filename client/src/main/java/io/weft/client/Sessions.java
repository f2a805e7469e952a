package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.map.IMap;
import io.weft.model.Checks;
import io.weft.model.Ids;
import io.weft.model.grid.ApplySessionState;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.MemberBroadcast;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.TaskOptions;
import io.weft.model.session.TaskCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Sessions: containers of tasks and results. */
public final class Sessions {

    /** The longest a pause or resume waits for every member to apply it. */
    public static final Duration MEMBER_APPLY_LIMIT = Duration.ofSeconds(60);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Session> sessions;
    private final IMap<String, TaskCounts> counts;
    private final Clock clock;

    Sessions(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.sessions = hazelcast.getMap(GridNames.SESSIONS);
        this.counts = hazelcast.getMap(GridNames.SESSION_COUNTS);
        this.clock = clock;
    }

    public Session create(String name, Map<String, String> labels) {
        return create(name, labels, null);
    }

    /** A new OPEN session whose tasks submitted without options take {@code defaults}. */
    public Session create(String name, Map<String, String> labels, TaskOptions defaults) {
        Session session = new Session(Ids.newSessionId(), name, labels, SessionState.OPEN, clock.instant(), defaults);
        // The counts first: a session is never seen without them, and changes add only to an entry that exists.
        counts.set(session.id(), TaskCounts.NONE);
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

    /**
     * The session's tasks by status, kept up to date as they move rather than counted on each call.
     * They trail the tasks by up to a tenth of a second (each node writes its changes in batches).
     */
    public TaskCounts counts(String sessionId) {
        require(sessionId);
        TaskCounts current = counts.get(sessionId);
        return current == null ? TaskCounts.NONE : current;
    }

    /** The counts of several sessions in one grid call; a session without counts gets {@link TaskCounts#NONE}. */
    public Map<String, TaskCounts> counts(Collection<String> sessionIds) {
        sessionIds.forEach(id -> Checks.id("sessionId", id));
        Map<String, TaskCounts> found = new HashMap<>(counts.getAll(Set.copyOf(sessionIds)));
        sessionIds.forEach(id -> found.putIfAbsent(id, TaskCounts.NONE));
        return found;
    }

    /**
     * Nothing new starts: its tasks stay QUEUED (delayed ones that fall due become QUEUED and wait),
     * running ones finish, and it still takes new tasks. Holds on every member when this returns.
     */
    public Session pause(String sessionId) {
        return changeState(sessionId, SessionState.PAUSED, () -> { });
    }

    /** A paused session runs again: its QUEUED tasks are handed to the members' dispatchers at once. */
    public Session resume(String sessionId) {
        return changeState(sessionId, SessionState.OPEN, () -> { });
    }

    /** No new tasks; the ones it has finish. */
    public Session close(String sessionId) {
        return changeState(sessionId, SessionState.CLOSED, () -> { });
    }

    /** No new tasks, and every unfinished one is cancelled (running ones interrupted). */
    public Session cancel(String sessionId) {
        return changeState(sessionId, SessionState.CANCELLED, () -> purger().cancelUnfinished(sessionId));
    }

    /**
     * Deletes the session and everything of it: its unfinished tasks are cancelled first (running
     * ones interrupted), then its tasks, its results and their bytes, its counts and the session
     * itself are removed. An attempt that was interrupted may still write a chunk of an output
     * afterwards; that chunk expires with its result's time to live.
     */
    public void purge(String sessionId) {
        Checks.id("sessionId", sessionId);
        withLock(sessionId, () -> {
            Session current = require(sessionId);
            if (current.state() != SessionState.CANCELLED) {
                // No new tasks while the purge runs.
                sessions.set(sessionId, current.moveTo(SessionState.CANCELLED));
            }
            SessionPurge purge = purger();
            purge.cancelUnfinished(sessionId);
            purge.removeData(sessionId);
            counts.delete(sessionId);
            sessions.delete(sessionId);
            return null;
        });
    }

    /**
     * Session-wide changes hold the session's FencedLock, so two gateways cancelling and resuming the
     * same session at once apply one after the other, never interleaved. The move is checked against
     * {@code SessionTransitions} by {@link Session#moveTo}; a refused one changes nothing.
     */
    private Session changeState(String sessionId, SessionState target, Runnable thenApply) {
        Checks.id("sessionId", sessionId);
        return withLock(sessionId, () -> {
            Session current = require(sessionId);
            Session changed = current.moveTo(target);
            sessions.set(sessionId, changed);
            thenApply.run();
            if (current.state() == SessionState.PAUSED || target == SessionState.PAUSED) {
                // Members also follow the sessions map, but its events arrive late: tell each one now.
                MemberBroadcast.toAllMembers(hazelcast, new ApplySessionState(sessionId), MEMBER_APPLY_LIMIT,
                        "applying " + target + " of session " + sessionId);
            }
            return changed;
        });
    }

    private <T> T withLock(String sessionId, Supplier<T> action) {
        require(sessionId);
        FencedLock lock = hazelcast.getCPSubsystem().getLock(GridNames.sessionLock(sessionId));
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private SessionPurge purger() {
        return new SessionPurge(hazelcast, clock);
    }
}
