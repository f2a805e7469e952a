package io.weft.gateway.service;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.edge.RequiredBody;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.wire.Page;
import io.weft.gateway.wire.SessionRequest;
import io.weft.gateway.wire.SessionView;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.session.Session;
import io.weft.model.task.TaskOptions;
import io.weft.model.session.SessionState;
import io.weft.model.session.TaskCounts;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sessions over HTTP, each owned by the key that created it. */
@Singleton
@GridBudget
public class SessionService {

    private final WeftClient weft;
    private final Ownership ownership;
    private final IMap<String, String> runSessions;

    public SessionService(WeftClient weft, Ownership ownership, Grid grid) {
        this.weft = weft;
        this.ownership = ownership;
        this.runSessions = grid.hazelcast().getMap(GridNames.RUN_SESSIONS);
    }

    public SessionView create(Caller caller, SessionRequest request) {
        SessionRequest r = RequiredBody.of(request, "{\"name\": …, \"labels\": {…}, \"defaults\": {…}} ({} takes every default)");
        TaskOptions defaults = TaskService.options(r.defaults(), TaskOptions.DEFAULTS, "defaults");
        Session session = weft.sessions().create(r.name(), r.labels(), defaults);
        ownership.record(session.id(), caller);
        return SessionView.of(session, TaskCounts.NONE);
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
        Page<Session> page = Cursors.page(visible, Session::createdAt, Session::id, cursor, limit, s -> s);
        Map<String, TaskCounts> counts = weft.sessions().counts(page.items().stream().map(Session::id).toList());
        return new Page<>(page.items().stream().map(s -> SessionView.of(s, counts.get(s.id()))).toList(), page.next());
    }

    public SessionView close(Caller caller, String sessionId) {
        require(caller, sessionId);
        return SessionView.of(weft.sessions().close(sessionId), counts(sessionId));
    }

    public SessionView cancel(Caller caller, String sessionId) {
        require(caller, sessionId);
        return SessionView.of(weft.sessions().cancel(sessionId), counts(sessionId));
    }

    public SessionView pause(Caller caller, String sessionId) {
        require(caller, sessionId);
        return SessionView.of(weft.sessions().pause(sessionId), counts(sessionId));
    }

    public SessionView resume(Caller caller, String sessionId) {
        require(caller, sessionId);
        return SessionView.of(weft.sessions().resume(sessionId), counts(sessionId));
    }

    /** Purges the session, then forgets who owned it and any key's run session that pointed to it. */
    public void purge(Caller caller, String sessionId) {
        require(caller, sessionId);
        weft.sessions().purge(sessionId);
        ownership.forget(sessionId);
        runSessions.removeAll(Predicates.equal("this", sessionId));
    }

    public Session require(Caller caller, String sessionId) {
        Checks.id("sessionId", sessionId);
        ownership.check(caller, sessionId);
        return weft.sessions().require(sessionId);
    }

    /** The session's tasks by status, as the nodes keep them up to date (no scan of the tasks). */
    public TaskCounts counts(String sessionId) {
        return weft.sessions().counts(sessionId);
    }

    private static SessionState state(String text) {
        try {
            return SessionState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("state", "must be one of " + List.of(SessionState.values()) + ", got '" + text + "'");
        }
    }
}
