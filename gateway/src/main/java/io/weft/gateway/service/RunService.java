package io.weft.gateway.service;

import com.hazelcast.map.IMap;
import io.micronaut.json.tree.JsonNode;
import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.config.WeftProperties;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.wire.TaskRequest;
import io.weft.model.Checks;
import io.weft.model.grid.GridNames;
import io.weft.model.session.Session;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sync mode: one task of a type, submitted into the caller's own "run" session, answered when its
 * completion event arrives (no polling) or, past the timeout, left running.
 */
@Singleton
@GridBudget
public class RunService {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final WeftClient weft;
    private final TaskService tasks;
    private final Ownership ownership;
    private final IMap<String, String> runSessions;
    private final CallbackExecutor callbacks;
    private final Duration maxTimeout;

    public RunService(WeftClient weft, TaskService tasks, Ownership ownership, Grid grid, CallbackExecutor callbacks,
                      WeftProperties properties) {
        this.weft = weft;
        this.tasks = tasks;
        this.ownership = ownership;
        this.runSessions = grid.hazelcast().getMap(GridNames.RUN_SESSIONS);
        this.callbacks = callbacks;
        this.maxTimeout = properties.maxRunTimeout();
    }

    /** What a run gives: the finished task, or the task still going when the timeout passed. */
    public record Outcome(Task task, boolean finished) {
    }

    public Duration timeout(String text) {
        Duration timeout = text == null ? DEFAULT_TIMEOUT : TaskService.duration("timeout", text);
        return Checks.duration("timeout", timeout, Duration.ZERO, maxTimeout);
    }

    /** Submits at once (on the caller's thread); the future completes on the gateway's callback executor. */
    public CompletableFuture<Outcome> run(Caller caller, String type, JsonNode input, Duration timeout) {
        TaskSpec spec = tasks.spec("", new TaskRequest(type, input, null, null, null, null));
        Task submitted = tasks.submitOne(runSession(caller), spec);
        CompletableFuture<Task> done = weft.tasks().await(submitted.id());
        return done.thenApplyAsync(task -> new Outcome(task, true), callbacks)
                .completeOnTimeout(new Outcome(submitted, false), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApplyAsync(outcome -> outcome, callbacks);
    }

    /** The caller's open run session, made on first use (and again if it was closed or cancelled). */
    String runSession(Caller caller) {
        String current = runSessions.get(caller.keyId());
        Optional<Session> session = current == null ? Optional.empty() : weft.sessions().get(current);
        if (session.isPresent() && session.get().state().acceptsTasks()) {
            return current;
        }
        Session fresh = weft.sessions().create("run", Map.of("weft.run", "true"));
        ownership.record(fresh.id(), caller);
        boolean won = current == null ? runSessions.putIfAbsent(caller.keyId(), fresh.id()) == null
                : runSessions.replace(caller.keyId(), current, fresh.id());
        if (won) {
            return fresh.id();
        }
        weft.sessions().close(fresh.id());
        return runSessions.get(caller.keyId());
    }
}
