package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import io.weft.model.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Told, on the member that inserts a batch, which of its tasks were stored anew, so that member can
 * count submissions where they land. A node registers one in its member's user context under
 * {@link UserContextKeys#INSERT_OBSERVER}; a member without one (a plain Hazelcast member) tells nobody.
 */
@FunctionalInterface
public interface InsertObserver {

    /** Called on the inserting thread: keep it to counter increments. */
    void inserted(List<Task> stored);

    /**
     * Tells the member's observer, if it has one, about the tasks of {@code offered} that {@code stored}
     * holds as they were offered; a task whose idempotency key found an earlier one is not new.
     */
    static void tell(HazelcastInstance member, List<Task> offered, List<Task> stored) {
        if (!(member.getUserContext().get(UserContextKeys.INSERT_OBSERVER) instanceof InsertObserver observer)) {
            return;
        }
        List<Task> fresh = new ArrayList<>(offered.size());
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i).equals(stored.get(i))) {
                fresh.add(offered.get(i));
            }
        }
        observer.inserted(fresh);
    }
}
