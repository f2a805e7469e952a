package io.weft.node.execution;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.weft.model.Json;
import io.weft.model.grid.ClaimTask;
import io.weft.model.grid.CompleteAttempt;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.RequeueOrphan;
import io.weft.model.grid.TaskGraph;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.grid.TaskUpdate;
import io.weft.model.task.Backoff;
import io.weft.model.task.ErrorType;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskStatus;
import io.weft.node.handler.TaskHandler;
import io.weft.node.metrics.NodeMetrics;
import io.weft.node.registry.MemberRegistry;
import io.weft.node.sessions.PausedSessions;
import io.weft.node.sessions.SessionCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a due task: claims it (QUEUED to RUNNING, fenced by its attempt), runs its
 * handler under the task's timeout, and records the outcome through the same fence.
 */
final class AttemptRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final String memberId;
    private final HandlerCatalog handlers;
    private final RunningAttempts running;
    private final ScheduledExecutorService timers;
    private final Executor workers;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final TaskGraph graph;
    private final MemberRegistry registry;
    private final IMap<String, ResultMeta> results;
    private final PausedSessions paused;
    private final SessionCounts counts;
    private final FollowUps followUps;

    AttemptRunner(HazelcastInstance hazelcast, HandlerCatalog handlers, RunningAttempts running, Executor workers,
                  ScheduledExecutorService timers, NodeMetrics metrics, Clock clock, TaskGraph graph,
                  MemberRegistry registry, PausedSessions paused, SessionCounts counts) {
        this.graph = graph;
        this.registry = registry;
        this.results = hazelcast.getMap(GridNames.RESULTS);
        this.workers = workers;
        this.hazelcast = hazelcast;
        this.tasks = hazelcast.getMap(GridNames.TASKS);
        this.memberId = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.handlers = handlers;
        this.running = running;
        this.timers = timers;
        this.metrics = metrics;
        this.clock = clock;
        this.paused = paused;
        this.counts = counts;
        this.followUps = new FollowUps(hazelcast, graph, registry, clock);
    }

    /**
     * Starts an attempt of {@code due} and calls {@code done} once its outcome is recorded (or the
     * claim found nothing to run), when its slot may be reused. Never blocks the caller: the grid
     * calls are asynchronous, their callbacks run on {@code workers}, and only the handler itself
     * holds a thread, so a slot costs a thread only while its handler runs.
     */
    void start(DueTask due, Runnable done) {
        Runnable claimAnswered = paused.enterClaim(due.sessionId());
        if (claimAnswered == null) {
            // Its session was paused after the task was queued here: it stays QUEUED until resumed.
            done.run();
            return;
        }
        CompletableFuture<TaskUpdate> claim;
        try {
            claim = tasks.submitToKey(due.id(), new ClaimTask(memberId, due.attempt(), clock.millis())).toCompletableFuture();
        } catch (RuntimeException e) {
            claimAnswered.run();
            done.run();
            throw e;
        }
        claim.whenCompleteAsync((update, error) -> {
            claimAnswered.run();
            Task task = update == null ? null : update.task();
            if (update != null && update.changed()) {
                counts.record(task);
            }
            if (error != null || task == null) {
                if (error != null && !(error instanceof HazelcastInstanceNotActiveException)) {
                    LOG.warn("claim of task {} failed; the sweep offers it again", due.id(), error);
                }
                done.run();
                return;
            }
            execute(task, done);
        }, workers);
    }

    private void execute(Task task, Runnable done) {
        long startNanos = System.nanoTime();
        metrics.started.labels(task.type()).inc();
        metrics.queueWaitSeconds.labels(task.type())
                .observe(Math.max(0, clock.millis() - task.dueAt().toEpochMilli()) / 1000.0);
        TaskHandler handler = handlers.handler(task.type()).orElse(null);
        RunningAttempts.Attempt attempt = running.start(task.id(), task.attempt(), Thread.currentThread());
        Duration timeout = task.spec().options().timeout();
        ScheduledFuture<?> timer = timers.schedule(() -> attempt.stop(RunningAttempts.Attempt.Stop.TIMED_OUT),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        String output = null;
        TaskError error;
        try {
            if (handler == null) {
                throw new IllegalStateException("this node has no handler for task type " + task.type());
            }
            DefaultTaskContext context = new DefaultTaskContext(task, attempt, hazelcast, clock, graph, registry);
            try {
                output = Json.write(handler.handle(context));
            } catch (Throwable t) {
                context.writtenOutputs().discard();
                throw t;
            }
            error = missingOutputs(task, context.writtenOutputs().commit());
        } catch (Throwable t) {
            error = errorOf(t, attempt);
        } finally {
            timer.cancel(false);
            running.finish(attempt);
            Thread.interrupted();
        }
        if (error == null && attempt.stopReason() == RunningAttempts.Attempt.Stop.TIMED_OUT) {
            error = TaskError.of(ErrorType.TIMEOUT, "attempt exceeded its timeout of " + timeout);
        }
        metrics.runSeconds.labels(task.type()).observe((System.nanoTime() - startNanos) / 1e9);
        if (attempt.stopReason() == RunningAttempts.Attempt.Stop.SHUTDOWN) {
            // Not the task's fault: hand it back to the cluster rather than count a failure.
            tasks.submitToKey(task.id(), new RequeueOrphan(memberId, clock.millis()))
                    .whenCompleteAsync((requeued, e) -> {
                        if (requeued != null) {
                            counts.record(requeued);
                        }
                        done.run();
                    }, workers);
            return;
        }
        complete(task, output, error, done);
    }

    private void complete(Task task, String output, TaskError error, Runnable done) {
        long now = clock.millis();
        CompleteAttempt completion;
        if (error == null) {
            completion = CompleteAttempt.success(task.attempt(), output, now);
        } else {
            long retryAt = now + Backoff.exponential(task.spec().options().backoff())
                    .delayBefore(task.failures() + 1, ThreadLocalRandom.current()::nextDouble).toMillis();
            completion = CompleteAttempt.failure(task.attempt(), error, now, retryAt);
        }
        tasks.submitToKey(task.id(), completion).whenCompleteAsync((after, e) -> {
            try {
                if (e != null) {
                    // The member is going away, or the partition moved and the call gave up: the
                    // task stays RUNNING here and fail-over or the sweep requeues it.
                    LOG.debug("completion of task {} attempt {} failed", task.id(), task.attempt(), e);
                } else if (after == null) {
                    metrics.staleFenceRejections.inc();
                    LOG.debug("task {} attempt {}: completion refused, the attempt is no longer current", task.id(),
                            task.attempt());
                } else {
                    counts.record(after);
                    count(after);
                    graph.abortOutputs(after);
                    // Only the call whose completion was written gets here, so a zombie attempt
                    // never submits a follow-up; the idempotency key covers a repeated answer.
                    followUps.submitAfter(after);
                }
            } finally {
                done.run();
            }
        }, workers);
    }

    private void count(Task after) {
        metrics.finished(after);
        if (after.status() == TaskStatus.SUCCEEDED) {
            metrics.succeeded.labels(after.type()).inc();
        } else if (after.status() == TaskStatus.FAILED) {
            metrics.failed.labels(after.type()).inc();
        } else if (after.status() == TaskStatus.SCHEDULED) {
            metrics.retried.labels(after.type()).inc();
        }
    }

    /**
     * A task succeeds only if it completed every output it still owns; the ones it handed to subtasks
     * are theirs to produce. Those this attempt just completed are not read again. Returns the error
     * to record, or {@code null} if nothing is missing.
     */
    private TaskError missingOutputs(Task task, Set<String> completedNow) {
        Set<String> unknown = new HashSet<>(task.spec().outputs());
        unknown.removeAll(completedNow);
        if (unknown.isEmpty()) {
            return null;
        }
        Map<String, ResultMeta> outputs = results.getAll(unknown);
        List<String> missing = task.spec().outputs().stream()
                .filter(unknown::contains)
                .filter(id -> {
                    ResultMeta meta = outputs.get(id);
                    return meta == null || (task.id().equals(meta.ownerTaskId()) && meta.status() != ResultStatus.COMPLETED);
                })
                .toList();
        return missing.isEmpty() ? null
                : TaskError.of(ErrorType.MISSING_OUTPUT, "the handler returned without completing its outputs " + missing);
    }

    private static TaskError errorOf(Throwable t, RunningAttempts.Attempt attempt) {
        return switch (attempt.stopReason()) {
            case TIMED_OUT -> TaskError.of(ErrorType.TIMEOUT, "attempt exceeded its timeout and was interrupted");
            case CANCELLED -> TaskError.of(ErrorType.CANCELLED, "cancelled while running");
            case SHUTDOWN -> TaskError.of(ErrorType.HANDLER_ERROR, "node shut down while the attempt ran");
            case NONE -> TaskError.fromException(t);
        };
    }
}
