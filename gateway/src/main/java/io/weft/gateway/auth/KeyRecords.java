package io.weft.gateway.auth;

import com.hazelcast.map.IMap;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.embedded.Grid;
import io.weft.model.grid.GridNames;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The API keys as the grid keeps them (id to {@link KeyRecord} JSON), each call within the grid budget.
 * Apart from {@link KeyService} so that a request whose key is cached, or is the admin key, pays
 * nothing for the budget: only a call that reaches the grid does.
 */
@Singleton
@GridBudget
public class KeyRecords {

    private final IMap<String, String> keys;

    public KeyRecords(Grid grid) {
        this.keys = grid.hazelcast().getMap(GridNames.KEYS);
    }

    public String get(String id) {
        return keys.get(id);
    }

    public void set(String id, String json) {
        keys.set(id, json);
    }

    public Collection<String> all() {
        return List.copyOf(keys.values());
    }

    /** Whether there was a key of that id. */
    public boolean remove(String id) {
        return keys.remove(id) != null;
    }
}
