package io.weft.node.execution;

import com.hazelcast.cluster.Member;
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
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a due task: starts it, runs its handler under the task's timeout, and records
 * the outcome fenced by the attempt.
 *
 * <p>How an attempt starts depends on where its task lives. A task of a partition another member owns
 * is claimed first (QUEUED to RUNNING, one write), as before any run. A task of a partition this member
 * owns starts at once, from the snapshot the node kept or one read, and its start is written only if
 * it runs longer than {@link #RECORD_START_AFTER}; a shorter attempt writes its start with its outcome,
 * in one write ({@link CompleteAttempt}). Most attempts are short, so most tasks cost two writes
 * (insert, outcome) instead of three. What guards the start without a claim is local: the lane holds a
 * task once, a cancel is told to this member (the partition's owner) by a local listener, and the
 * sweep and audits that could offer the task again run here and ask the dispatcher first.
 */
final class AttemptRunner {

    /**
     * How long an attempt runs before its start is written: until then the grid shows its task QUEUED.
     * Longer than most attempts, so their start and outcome share a write, and short enough that a
     * long attempt soon shows RUNNING (and is handed back if its member dies).
     */
    static final Duration RECORD_START_AFTER = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, Task> tasks;
    private final String memberId;
    private final HandlerCatalog handlers;
    private final RunningAttempts running;
    private final AttemptTimers timers;
    private final Executor workers;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final TaskGraph graph;
    private final MemberRegistry registry;
    private final IMap<String, ResultMeta> results;
    private final PausedSessions paused;
    private final SessionCounts counts;
    private final FollowUps followUps;
    private final Predicate<String> cancelNoticed;

    /** @param cancelNoticed whether a cancel of the task was told to this node while it held the task */
    AttemptRunner(HazelcastInstance hazelcast, HandlerCatalog handlers, RunningAttempts running, Executor workers,
                  AttemptTimers timers, NodeMetrics metrics, Clock clock, TaskGraph graph,
                  MemberRegistry registry, PausedSessions paused, SessionCounts counts, Predicate<String> cancelNoticed) {
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
        this.cancelNoticed = cancelNoticed;
        this.followUps = new FollowUps(hazelcast, graph, registry, clock);
    }

    /**
     * Starts an attempt of {@code due} and calls {@code done} once its outcome is recorded (or it
     * found nothing to run), when its slot may be reused. Never blocks the caller: the grid calls are
     * asynchronous, their callbacks run on {@code workers}, and only the handler itself holds a thread.
     *
     * @param snapshot the task as this node last saw it, or {@code null}
     */
    void start(DueTask due, Task snapshot, Runnable done) {
        Runnable startAnswered = paused.enterClaim(due.sessionId());
        if (startAnswered == null) {
            // Its session was paused after the task was queued here: it stays QUEUED until resumed.
            done.run();
            return;
        }
        try {
            if (!ownsPartitionOf(due.id())) {
                claimThenRun(due, startAnswered, done);
            } else if (snapshot != null && isStartable(snapshot, due)) {
                Runnable attempt = () -> {
                    startAnswered.run();
                    execute(snapshot, false, done);
                };
                if (!WorkerContinuation.runNextHere(attempt)) {
                    workers.execute(attempt);
                }
            } else {
                readThenRun(due, startAnswered, done);
            }
        } catch (RuntimeException e) {
            startAnswered.run();
            done.run();
            throw e;
        }
    }

    private boolean ownsPartitionOf(String taskId) {
        Member owner = hazelcast.getPartitionService().getPartition(taskId).getOwner();
        return owner != null && owner.localMember();
    }

    private static boolean isStartable(Task task, DueTask due) {
        return task.status() == TaskStatus.QUEUED && task.attempt() == due.attempt();
    }

    private void readThenRun(DueTask due, Runnable startAnswered, Runnable done) {
        tasks.getAsync(due.id()).whenCompleteAsync((task, error) -> {
            startAnswered.run();
            runIfAnswered(task != null && isStartable(task, due) ? task : null, error, false, "reading", due, done);
        }, workers);
    }

    private void claimThenRun(DueTask due, Runnable claimAnswered, Runnable done) {
        tasks.submitToKey(due.id(), new ClaimTask(memberId, due.attempt(), clock.millis())).whenCompleteAsync((update, error) -> {
            claimAnswered.run();
            if (update != null && update.changed()) {
                counts.record(update.task());
            }
            runIfAnswered(update == null ? null : update.task(), error, true, "claiming", due, done);
        }, workers);
    }

    /** Runs {@code task} if the read or claim answered one to run; else the slot is free again. */
    private void runIfAnswered(Task task, Throwable error, boolean claimed, String step, DueTask due, Runnable done) {
        if (error != null || task == null) {
            if (error != null && !(error instanceof HazelcastInstanceNotActiveException)) {
                LOG.warn("{} task {} to start it failed; the sweep offers it again", step, due.id(), error);
            }
            done.run();
            return;
        }
        execute(task, claimed, done);
    }

    /** @param claimed whether the task's start is written already (it is RUNNING here in the grid) */
    private void execute(Task task, boolean claimed, Runnable done) {
        long startNanos = System.nanoTime();
        long startedAt = clock.millis();
        metrics.started.labels(task.type()).inc();
        metrics.queueWaitSeconds.labels(task.type())
                .observe(Math.max(0, startedAt - task.dueAt().toEpochMilli()) / 1000.0);
        TaskHandler handler = handlers.handler(task.type()).orElse(null);
        RunningAttempts.Attempt attempt = running.start(task.id(), task.attempt(), Thread.currentThread());
        Run run = new Run(task, attempt, startedAt);
        if (cancelNoticed.test(task.id())) {
            attempt.stop(RunningAttempts.Attempt.Stop.CANCELLED);
        }
        Duration timeout = task.spec().options().timeout();
        if (claimed || timeout.compareTo(RECORD_START_AFTER) <= 0) {
            run.setTimer(() -> attempt.stop(RunningAttempts.Attempt.Stop.TIMED_OUT), timeout);
        } else {
            run.setTimer(() -> recordStart(run, timeout), RECORD_START_AFTER);
        }
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
            run.stopTimer();
            running.finish(attempt);
            Thread.interrupted();
        }
        if (error == null && attempt.stopReason() == RunningAttempts.Attempt.Stop.TIMED_OUT) {
            error = TaskError.of(ErrorType.TIMEOUT, "attempt exceeded its timeout of " + timeout);
        }
        metrics.runSeconds.labels(task.type()).observe((System.nanoTime() - startNanos) / 1e9);
        if (attempt.stopReason() == RunningAttempts.Attempt.Stop.SHUTDOWN) {
            // Not the task's fault: hand it back to the cluster rather than count a failure. An attempt
            // whose start was never written left its task QUEUED, where the survivors find it.
            tasks.submitToKey(task.id(), new RequeueOrphan(memberId, clock.millis()))
                    .whenCompleteAsync((requeued, e) -> {
                        if (requeued != null) {
                            counts.record(requeued);
                        }
                        done.run();
                    }, workers);
            return;
        }
        complete(run, output, error, done);
    }

    /**
     * The attempt still runs after {@link #RECORD_START_AFTER}: writes its start (QUEUED to RUNNING at
     * the time it started) and sets its timeout for the rest. A refused claim means the task was
     * cancelled or taken meanwhile, and the attempt is stopped; its outcome would be refused anyway.
     */
    private void recordStart(Run run, Duration timeout) {
        run.setTimer(() -> run.attempt.stop(RunningAttempts.Attempt.Stop.TIMED_OUT), timeout.minus(RECORD_START_AFTER));
        Task task = run.task;
        tasks.submitToKey(task.id(), new ClaimTask(memberId, task.attempt(), run.startedAt)).whenCompleteAsync((update, error) -> {
            if (error != null) {
                // The outcome's write records the start if this did not.
                LOG.debug("writing the start of task {} attempt {} failed", task.id(), task.attempt(), error);
            } else if (update == null) {
                run.attempt.stop(RunningAttempts.Attempt.Stop.CANCELLED);
            } else if (update.changed()) {
                run.countChanges(update.task());
            }
        }, workers);
    }

    private void complete(Run run, String output, TaskError error, Runnable done) {
        Task task = run.task;
        long now = clock.millis();
        CompleteAttempt completion;
        if (error == null) {
            completion = CompleteAttempt.success(task.attempt(), memberId, run.startedAt, output, now);
        } else {
            long retryAt = now + Backoff.exponential(task.spec().options().backoff())
                    .delayBefore(task.failures() + 1, ThreadLocalRandom.current()::nextDouble).toMillis();
            completion = CompleteAttempt.failure(task.attempt(), memberId, run.startedAt, error, now, retryAt);
        }
        Task predicted = predict(completion, task);
        tasks.submitToKey(task.id(), completion.predicting(predicted)).whenCompleteAsync((recorded, e) -> {
            try {
                if (e != null) {
                    // The member is going away, or the partition moved and the call gave up: the
                    // task stays RUNNING (or QUEUED) here and fail-over or the sweep takes it again.
                    LOG.debug("completion of task {} attempt {} failed", task.id(), task.attempt(), e);
                } else if (recorded == null) {
                    metrics.staleFenceRejections.inc();
                    LOG.debug("task {} attempt {}: completion refused, the attempt is no longer current", task.id(),
                            task.attempt());
                } else {
                    Task after = recorded.taskOr(predicted);
                    run.countChanges(after);
                    count(after);
                    graph.abortOutputs(after);
                    // Only the call whose completion was written gets here, so a zombie attempt
                    // never submits a follow-up; the idempotency key covers a repeated answer.
                    followUps.submitAfter(after);
                }
            } finally {
                WorkerContinuation.release(done);
            }
        }, workers);
    }

    /**
     * The outcome applied to this attempt's copy: what the grid will hold unless the task changed
     * meanwhile (then, and only then, the answer carries the stored task). {@code null} if the copy
     * refuses it; the grid's write then runs the same checks on the stored task and answers for itself.
     */
    private static Task predict(CompleteAttempt completion, Task copy) {
        try {
            return completion.applyTo(copy);
        } catch (RuntimeException refused) {
            return null;
        }
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

    /** One attempt in progress: what it started from, and which of its changes were counted. */
    private final class Run {
        private final Task task;
        private final RunningAttempts.Attempt attempt;
        private final long startedAt;
        /** The first position in the task's history not yet counted in its session. */
        private int counted;
        private AttemptTimers.Timer timer;
        private boolean over;

        Run(Task task, RunningAttempts.Attempt attempt, long startedAt) {
            this.task = task;
            this.attempt = attempt;
            this.startedAt = startedAt;
            this.counted = task.history().size();
        }

        /**
         * Counts the changes of {@code after} not counted yet. The start's answer and the outcome's may
         * come in either order, and the outcome's write may hold the start too.
         */
        synchronized void countChanges(Task after) {
            int size = after.history().size();
            if (size > counted) {
                counts.recordFrom(after, counted);
                counted = size;
            }
        }

        /**
         * Sets the attempt's one timer: first the start's record (or the timeout), then the rest of the
         * timeout. Under the lock, so a timer that fires at once still finds the previous one set.
         */
        synchronized void setTimer(Runnable action, Duration after) {
            if (!over) {
                timer = timers.set(action, after);
            }
        }

        synchronized void stopTimer() {
            over = true;
            if (timer != null) {
                timer.cancel();
            }
        }
    }
}
