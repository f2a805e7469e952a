package io.weft.node.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.Ids;
import io.weft.model.Json;
import io.weft.model.grid.ResultInputStream;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.NewResult;
import io.weft.model.grid.TaskGraph;
import io.weft.model.grid.UserContextKeys;
import io.weft.model.result.ResultMeta;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.node.handler.TaskContext;
import io.weft.node.logs.TaskLogWriter;
import io.weft.node.registry.MemberRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TaskContext} of one attempt. */
final class DefaultTaskContext implements TaskContext {

    private static final Logger TASK_LOG = LoggerFactory.getLogger("weft.task");

    private final Task task;
    private final RunningAttempts.Attempt attempt;
    private final HazelcastInstance hazelcast;
    private final Clock clock;
    private final TaskGraph graph;
    private final MemberRegistry registry;
    private final AtomicInteger subtasksSubmitted = new AtomicInteger();
    private final AttemptOutputs outputs = new AttemptOutputs();
    private JsonNode input;
    private volatile double progress;

    DefaultTaskContext(Task task, RunningAttempts.Attempt attempt, HazelcastInstance hazelcast, Clock clock,
                       TaskGraph graph, MemberRegistry registry) {
        this.task = task;
        this.attempt = attempt;
        this.hazelcast = hazelcast;
        this.clock = clock;
        this.graph = graph;
        this.registry = registry;
    }

    @Override
    public String taskId() {
        return task.id();
    }

    @Override
    public String sessionId() {
        return task.sessionId();
    }

    @Override
    public int attempt() {
        return task.attempt();
    }

    @Override
    public JsonNode input() {
        if (input == null) {
            input = Json.parse(task.spec().input());
        }
        return input;
    }

    @Override
    public void progress(double fraction, String message) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1], got " + fraction);
        }
        progress = fraction;
        TASK_LOG.info("task={} session={} attempt={} progress={} {}", task.id(), task.sessionId(), task.attempt(),
                fraction, message);
    }

    double progress() {
        return progress;
    }

    @Override
    public void log(String line) {
        TASK_LOG.info("task={} session={} attempt={} {}", task.id(), task.sessionId(), task.attempt(), line);
        if (hazelcast.getUserContext().get(UserContextKeys.TASK_LOGS) instanceof TaskLogWriter logs) {
            logs.append(task.id(), task.sessionId(), task.attempt(), line);
        }
    }

    @Override
    public boolean isCancelled() {
        return attempt.isStopped();
    }

    @Override
    public List<String> dependsOn() {
        return task.spec().dependsOn();
    }

    @Override
    public List<String> outputs() {
        return task.spec().outputs();
    }

    @Override
    public InputStream openInput(String resultId) {
        ResultInputStream in = new ResultInputStream(hazelcast, resultId, clock);
        requireOwnSession(in.meta());
        return in;
    }

    @Override
    public OutputStream openOutput(String resultId) {
        ResultOutputStream out = new ResultOutputStream(hazelcast, resultId, clock);
        requireOwnSession(out.meta());
        String owner = out.meta().ownerTaskId();
        if (owner != null && !owner.equals(task.id())) {
            throw new IllegalStateException("result " + resultId + " is produced by task " + owner + ", not by " + task.id());
        }
        return outputs.track(out);
    }

    /** The results this attempt wrote; the runner completes or discards them with the attempt's outcome. */
    AttemptOutputs writtenOutputs() {
        return outputs;
    }

    @Override
    public String createResult(String name, String contentType, Duration ttl) {
        Duration life = Checks.duration("ttl", ttl, Duration.ofSeconds(1), ResultMeta.MAX_TTL);
        return NewResult.store(hazelcast, task.sessionId(), name, contentType, life, clock.instant()).id();
    }

    @Override
    public List<String> submitSubtasks(List<TaskSpec> subtasks) {
        Checks.notNull("subtasks", subtasks);
        Session session = hazelcast.<String, Session>getMap(GridNames.SESSIONS).get(task.sessionId());
        if (session == null || session.state() == SessionState.CANCELLED) {
            throw new IllegalStateException("session " + task.sessionId() + " was cancelled: it takes no subtasks");
        }
        Set<String> served = registry.servedTypes();
        List<Task> children = new ArrayList<>(subtasks.size());
        for (int i = 0; i < subtasks.size(); i++) {
            TaskSpec spec = Checks.notNull("subtasks[" + i + "]", subtasks.get(i));
            if (!served.contains(spec.type())) {
                throw new InvalidValueException("subtasks[" + i + "].type", "names task type '" + spec.type()
                        + "', which no node serves");
            }
            String key = spec.idempotencyKey() != null ? spec.idempotencyKey()
                    : task.id() + "/" + subtasksSubmitted.getAndIncrement();
            TaskSpec child = spec.withParent(task.id()).withIdempotencyKey(key);
            children.add(Task.create(Ids.idempotentTaskId(task.sessionId(), key), task.sessionId(), child, clock.instant()));
        }
        return graph.submit(task.sessionId(), children, task.id()).stream().map(Task::id).toList();
    }

    /** A handler reads and writes only its own session's results. */
    private void requireOwnSession(ResultMeta meta) {
        if (!meta.sessionId().equals(task.sessionId())) {
            throw new IllegalArgumentException("no result " + meta.id() + " in session " + task.sessionId());
        }
    }
}
