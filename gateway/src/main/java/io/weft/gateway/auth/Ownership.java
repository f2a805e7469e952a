package io.weft.gateway.auth;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.embedded.Grid;
import io.weft.model.grid.GridNames;
import jakarta.inject.Singleton;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Which key created which session. A non-admin key sees only its own sessions (and their tasks and
 * results); for any other it gets the same 404 as for an id that does not exist.
 */
@Singleton
@GridBudget
public class Ownership {

    private final IMap<String, String> owners;

    public Ownership(Grid grid) {
        this.owners = grid.hazelcast().getMap(GridNames.SESSION_OWNERS);
    }

    public void record(String sessionId, Caller caller) {
        owners.set(sessionId, caller.keyId());
    }

    /** Passes if {@code caller} may touch the session; else 404 as if it did not exist. */
    public void check(Caller caller, String sessionId) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.keyId().equals(owners.get(sessionId))) {
            throw new NoSuchElementException("no session " + sessionId);
        }
    }

    /** Whether {@code caller} may see the session, without throwing. */
    public boolean canSee(Caller caller, String sessionId) {
        return caller.isAdmin() || caller.keyId().equals(owners.get(sessionId));
    }

    /** The sessions a non-admin key owns. */
    public Set<String> sessionsOf(Caller caller) {
        return Set.copyOf(owners.keySet(Predicates.equal("this", caller.keyId())));
    }

    public void forget(String sessionId) {
        owners.delete(sessionId);
    }
}
