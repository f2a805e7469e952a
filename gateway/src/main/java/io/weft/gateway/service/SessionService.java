package io.weft.gateway.service;

import com.hazelcast.map.IMap;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.wire.Page;
import io.weft.gateway.wire.SessionRequest;
import io.weft.gateway.wire.SessionView;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.Task;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Sessions over HTTP, each owned by the key that created it. */
@Singleton
public class SessionService {

    private final WeftClient weft;
    private final Ownership ownership;
    private final IMap<String, Task> tasks;

    public SessionService(WeftClient weft, Ownership ownership, Grid grid) {
        this.weft = weft;
        this.ownership = ownership;
        this.tasks = grid.hazelcast().getMap(GridNames.TASKS);
    }

    public SessionView create(Caller caller, SessionRequest request) {
        SessionRequest r = request == null ? new SessionRequest(null, null, null) : request;
        if (r.defaults() != null) {
            TaskService.options(r.defaults());
        }
        Session session = weft.sessions().create(r.name(), r.labels());
        ownership.record(session.id(), caller);
        return SessionView.of(session, Map.of());
    }

    public SessionView get(Caller caller, String sessionId) {
        return SessionView.of(require(caller, sessionId), counts(sessionId));
    }

    public Page<SessionView> list(Caller caller, String state, String cursor, Integer limit) {
        SessionState wanted = state == null || state.isEmpty() ? null : state(state);
        List<Session> all = weft.sessions().list();
        Set<String> own = caller.isAdmin() ? null : ownership.sessionsOf(caller);
        List<Session> visible = all.stream().filter(s -> own == null || own.contains(s.id()))
                .filter(s -> wanted == null || s.state() == wanted).toList();
        return Cursors.page(visible, Session::createdAt, Session::id, cursor, limit, s -> SessionView.of(s, Map.of()));
    }

    public SessionView close(Caller caller, String sessionId) {
        require(caller, sessionId);
        return SessionView.of(weft.sessions().close(sessionId), counts(sessionId));
    }

    public SessionView cancel(Caller caller, String sessionId) {
        require(caller, sessionId);
        return SessionView.of(weft.sessions().cancel(sessionId), counts(sessionId));
    }

    /** Pause, resume and purge wait for the client to offer them: 501 until then. */
    public SessionView notYet(Caller caller, String sessionId, String what) {
        require(caller, sessionId);
        throw new UnsupportedOperationException(what + " of a session is not implemented yet");
    }

    public Session require(Caller caller, String sessionId) {
        Checks.id("sessionId", sessionId);
        ownership.check(caller, sessionId);
        return weft.sessions().require(sessionId);
    }

    /** The session's tasks by status, counted in the grid (one projection over the sessionId index). */
    public Map<String, Long> counts(String sessionId) {
        Collection<String> statuses = tasks.project(Projections.singleAttribute("status"),
                Predicates.equal("sessionId", sessionId));
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach(s -> counts.merge(String.valueOf(s), 1L, Long::sum));
        return counts;
    }

    private static SessionState state(String text) {
        try {
            return SessionState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("state", "must be one of " + List.of(SessionState.values()) + ", got '" + text + "'");
        }
    }
}
