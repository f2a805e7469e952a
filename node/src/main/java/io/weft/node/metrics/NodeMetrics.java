package io.weft.node.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.hotspot.DefaultExports;
import io.weft.model.task.Task;
import java.time.Duration;

/**
 * The node's Prometheus metrics, in a registry of its own so that several nodes can share a JVM
 * (tests do). Names follow Prometheus conventions: units in the name, {@code _total} for counters.
 */
public final class NodeMetrics {

    private final CollectorRegistry registry = new CollectorRegistry(true);

    public final Counter submitted = Counter.build("weft_tasks_submitted_total",
                    "Tasks inserted into the partitions this member owns, by task type.")
            .labelNames("type").register(registry);
    public final Counter cancelled = Counter.build("weft_tasks_cancelled_total",
                    "Tasks of the partitions this member owns that were cancelled, by task type.")
            .labelNames("type").register(registry);
    public final Counter started = Counter.build("weft_tasks_started_total", "Attempts started, by task type.")
            .labelNames("type").register(registry);
    public final Counter succeeded = Counter.build("weft_tasks_succeeded_total", "Tasks that succeeded, by task type.")
            .labelNames("type").register(registry);
    public final Counter failed = Counter.build("weft_tasks_failed_total", "Tasks that failed for good, by task type.")
            .labelNames("type").register(registry);
    public final Counter retried = Counter.build("weft_tasks_retried_total", "Failed attempts scheduled for a retry, by task type.")
            .labelNames("type").register(registry);
    public final Counter staleFenceRejections = Counter.build("weft_stale_fence_rejections_total",
            "Attempt completions refused because the attempt was no longer current.").register(registry);
    public final Counter failoverRequeues = Counter.build("weft_failover_requeues_total",
            "Running tasks of a departed member handed back to the queue.").register(registry);
    public final Counter sweptTasks = Counter.build("weft_swept_tasks_total",
            "Tasks the sweep found stranded (missed event) and scheduled again.").register(registry);
    public final Counter hookAttempts = Counter.build("weft_hook_attempts_total",
                    "Hook delivery attempts this member made, by what followed: delivered, retried or failed (for good).")
            .labelNames("outcome").register(registry);
    public final Histogram runSeconds = Histogram.build("weft_task_run_seconds", "Time an attempt ran, by task type.")
            .labelNames("type").buckets(0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120)
            .register(registry);
    public final Histogram queueWaitSeconds = Histogram.build("weft_task_queue_wait_seconds",
                    "Time from due to started, by task type.")
            .labelNames("type").buckets(0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120)
            .register(registry);
    public final Histogram submitToFinishSeconds = Histogram.build("weft_task_submit_to_finish_seconds",
                    "Time from submission to the outcome recorded by this member's attempt, by task type.")
            .labelNames("type").buckets(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600, 3600)
            .register(registry);

    public NodeMetrics(boolean jvmCollectors) {
        if (jvmCollectors) {
            DefaultExports.register(registry);
        }
    }

    /** Observes the submit-to-finish time of a task whose attempt just ended it for good. */
    public void finished(Task task) {
        if (task.status().isTerminal()) {
            submitToFinishSeconds.labels(task.type())
                    .observe(Math.max(0, Duration.between(task.createdAt(), task.endedAt()).toNanos()) / 1e9);
        }
    }

    public CollectorRegistry registry() {
        return registry;
    }
}
