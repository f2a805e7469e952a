package io.weft.model.grid;

import com.hazelcast.core.HazelcastInstance;
import io.weft.model.task.Task;
import java.util.List;

/**
 * Told, on the member that inserts a batch, which of its tasks were stored anew, so that member can
 * count submissions and start the QUEUED ones where they land. A node registers one in its member's
 * user context under {@link UserContextKeys#INSERT_OBSERVER}; a member without one (a plain Hazelcast
 * member) tells nobody, and its new tasks wait for a node's sweep.
 */
@FunctionalInterface
public interface InsertObserver {

    /** Called on the inserting thread: must not block. */
    void inserted(List<Task> stored);

    /** This observer, then {@code next}. */
    default InsertObserver andThen(InsertObserver next) {
        return stored -> {
            inserted(stored);
            next.inserted(stored);
        };
    }

    /** Tells the member's observer, if it has one, which tasks a batch stored anew. */
    static void tell(HazelcastInstance member, List<Task> inserted) {
        if (member.getUserContext().get(UserContextKeys.INSERT_OBSERVER) instanceof InsertObserver observer) {
            observer.inserted(inserted);
        }
    }
}
