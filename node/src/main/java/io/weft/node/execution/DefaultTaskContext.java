package io.weft.node.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.Ids;
import io.weft.model.Json;
import io.weft.model.grid.ResultInputStream;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.grid.TaskSubmitter;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.node.handler.TaskContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TaskContext} of one attempt. */
final class DefaultTaskContext implements TaskContext {

    private static final Logger TASK_LOG = LoggerFactory.getLogger("weft.task");

    private final Task task;
    private final RunningAttempts.Attempt attempt;
    private final HazelcastInstance hazelcast;
    private final Clock clock;
    private JsonNode input;
    private volatile double progress;

    DefaultTaskContext(Task task, RunningAttempts.Attempt attempt, HazelcastInstance hazelcast, Clock clock) {
        this.task = task;
        this.attempt = attempt;
        this.hazelcast = hazelcast;
        this.clock = clock;
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
    }

    @Override
    public boolean isCancelled() {
        return attempt.isStopped();
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
        return out;
    }

    @Override
    public List<String> submitSubtasks(List<TaskSpec> subtasks) {
        List<Task> children = new ArrayList<>(subtasks.size());
        for (TaskSpec spec : subtasks) {
            TaskSpec child = spec.withParent(task.id());
            children.add(Task.create(Ids.taskIdFor(task.sessionId(), child.idempotencyKey()), task.sessionId(), child,
                    clock.instant()));
        }
        return new TaskSubmitter(hazelcast).insert(children).stream().map(Task::id).toList();
    }

    /** A handler reads and writes only its own session's results. */
    private void requireOwnSession(ResultMeta meta) {
        if (!meta.sessionId().equals(task.sessionId())) {
            throw new IllegalArgumentException("no result " + meta.id() + " in session " + task.sessionId());
        }
    }
}
