package io.weft.node.hooks;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session that becomes CLOSED or CANCELLED may be finished already (all its tasks ended before):
 * asks {@link HookTriggers} on the member that owns the session, on the hook executor.
 */
final class EndedSessionListener implements EntryUpdatedListener<String, Session> {

    private static final Logger LOG = LoggerFactory.getLogger(EndedSessionListener.class);

    private final HookTriggers triggers;
    private final Executor executor;

    private EndedSessionListener(HookTriggers triggers, Executor executor) {
        this.triggers = triggers;
        this.executor = executor;
    }

    static UUID listen(HazelcastInstance hazelcast, HookTriggers triggers, Executor executor) {
        IMap<String, Session> sessions = hazelcast.getMap(GridNames.SESSIONS);
        return sessions.addLocalEntryListener(new EndedSessionListener(triggers, executor),
                Predicates.in("state", SessionState.CLOSED.name(), SessionState.CANCELLED.name()), true);
    }

    @Override
    public void entryUpdated(EntryEvent<String, Session> event) {
        Session after = event.getValue();
        Session before = event.getOldValue();
        if (after == null || (before != null && before.state() == after.state()) || !triggers.interestedInSessions()) {
            return;
        }
        executor.execute(() -> {
            try {
                triggers.sessionMayHaveFinished(after.id());
            } catch (RuntimeException e) {
                LOG.warn("could not check whether session {} finished", after.id(), e);
            }
        });
    }
}
