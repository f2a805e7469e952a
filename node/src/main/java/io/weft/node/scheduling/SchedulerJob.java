package io.weft.node.scheduling;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import io.weft.model.grid.GridNames;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the one scheduler job of the cluster running: every node asks for it with
 * {@code newJobIfAbsent}, so whichever comes first submits it and the others join it; a node
 * also resubmits it if it ever fails.
 */
public final class SchedulerJob {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerJob.class);

    private final HazelcastInstance hazelcast;

    public SchedulerJob(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    public Job ensureRunning() {
        return hazelcast.getJet().newJobIfAbsent(SchedulerPipeline.build(), config());
    }

    /** Submits the job if absent and waits, at most {@code timeout}, until it runs. */
    public Job awaitRunning(Duration timeout) {
        Job job = ensureRunning();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (job.getStatus() != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scheduler job is " + job.getStatus() + " after " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the scheduler job", e);
            }
        }
        return job;
    }

    /** Called periodically: resubmits the job if it failed or was cancelled. */
    public void check() {
        Job job = hazelcast.getJet().getJob(GridNames.SCHEDULER_JOB);
        if (job == null || job.getStatus() == JobStatus.FAILED || job.getStatus() == JobStatus.COMPLETED) {
            LOG.warn("scheduler job is {}; submitting it again", job == null ? "missing" : job.getStatus());
            ensureRunning();
        }
    }

    static JobConfig config() {
        // No snapshots: the job keeps no state that the grid does not hold; on restart it reloads.
        return new JobConfig().setName(GridNames.SCHEDULER_JOB)
                .setProcessingGuarantee(ProcessingGuarantee.NONE)
                .setAutoScaling(true);
    }
}
