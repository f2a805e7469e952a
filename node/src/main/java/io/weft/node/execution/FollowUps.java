package io.weft.node.execution;

import com.hazelcast.core.HazelcastInstance;
import io.weft.model.Ids;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.FollowUp;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.registry.MemberRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the {@code then} follow-up of a task that has just SUCCEEDED: its template's type and
 * options, the finished task's output as input, the finished task as parent. Its idempotency key is
 * {@code then:<taskId>}, so the same success told twice (a retried grid call, a repeated completion)
 * finds the first follow-up instead of making a second one.
 */
final class FollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

    private final HazelcastInstance hazelcast;
    private final TaskGraph graph;
    private final MemberRegistry registry;
    private final Clock clock;

    FollowUps(HazelcastInstance hazelcast, TaskGraph graph, MemberRegistry registry, Clock clock) {
        this.hazelcast = hazelcast;
        this.graph = graph;
        this.registry = registry;
        this.clock = clock;
    }

    static String keyOf(String taskId) {
        return "then:" + taskId;
    }

    /**
     * Submits {@code finished}'s follow-up if it has one. The task's outcome is already written and
     * stays SUCCEEDED whatever happens here, so a follow-up that cannot be made (its session was
     * cancelled or deleted, no node serves its type) is logged, not thrown.
     */
    void submitAfter(Task finished) {
        if (finished.status() != TaskStatus.SUCCEEDED || finished.spec().options().then() == null) {
            return;
        }
        try {
            FollowUp followUp = finished.spec().options().followUp();
            Session session = hazelcast.<String, Session>getMap(GridNames.SESSIONS).get(finished.sessionId());
            // Like a subtask, a follow-up is part of finishing the session's work: a CLOSED session takes it.
            if (session == null || session.state() == SessionState.CANCELLED) {
                LOG.warn("task {} succeeded, but its session {} is gone or cancelled: its follow-up '{}' is not submitted",
                        finished.id(), finished.sessionId(), followUp.type());
                return;
            }
            if (!registry.servedTypes().contains(followUp.type())) {
                LOG.warn("task {} succeeded, but no node serves its follow-up's type '{}': it is not submitted",
                        finished.id(), followUp.type());
                return;
            }
            String key = keyOf(finished.id());
            TaskSpec spec = new TaskSpec(followUp.type(), finished.output(), followUp.options(), List.of(), List.of(), key,
                    finished.id());
            Task next = Task.create(Ids.idempotentTaskId(finished.sessionId(), key), finished.sessionId(), spec, clock.instant());
            graph.submit(finished.sessionId(), List.of(next), finished.id());
        } catch (RuntimeException e) {
            LOG.warn("task {} succeeded, but its follow-up could not be submitted", finished.id(), e);
        }
    }
}
