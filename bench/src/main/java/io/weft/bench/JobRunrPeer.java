package io.weft.bench;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;

/**
 * The peer Weft is compared with: JobRunr with its {@link InMemoryStorageProvider} and a background
 * job server in this JVM, {@code workers} workers polling every {@link #POLL_INTERVAL}, the same
 * no-op work ({@link NoOpJob}) enqueued as echo's tasks are submitted, in batches of {@link #BATCH}.
 * Each run gets a fresh storage and server.
 */
final class JobRunrPeer {

    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    static final int BATCH = 1_000;

    /** What one run saw: jobs per second enqueue → last SUCCEEDED, median enqueue → SUCCEEDED, jobs not succeeded. */
    record Run(double jobsPerSecond, double p50Millis, long notSucceeded) {
    }

    private JobRunrPeer() {
    }

    /**
     * Runs JobRunr on the work of {@code weft} (as many jobs as it ran tasks) with each of
     * {@code workerCounts} (a warm-up, then {@link BenchMain#REPEATS} runs each) and prints its figures
     * beside Weft's, {@code label} after the lines' names; returns how many jobs did not succeed.
     */
    static long compare(PrintStream out, String label, int[] workerCounts, EchoRuns weft) throws InterruptedException {
        int jobs = weft.tasks();
        long failures = run(workerCounts[0], Math.max(100, jobs / 10)).notSucceeded();
        double best = 0;
        StringBuilder line = new StringBuilder();
        for (int workers : workerCounts) {
            List<Double> rates = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            for (int i = 0; i < BenchMain.REPEATS; i++) {
                Run run = run(workers, jobs);
                rates.add(run.jobsPerSecond());
                p50.add(run.p50Millis());
                failures += run.notSucceeded();
            }
            Stats rate = Stats.of(rates);
            best = Math.max(best, rate.median());
            line.append(line.length() == 0 ? "" : "; ").append(String.format("%d workers %s jobs/s, enqueue→SUCCEEDED p50 %s ms",
                    workers, rate.format("%,.0f"), Stats.of(p50).format("%,.0f")));
        }
        out.printf("%-16s %,d no-op jobs, JobRunr 8.7.0 in memory, enqueued in batches of %,d, poll 200 ms: %s%n",
                "jobrunr-peer" + label, jobs, BATCH, line);
        out.printf("%-16s Weft %s %,.0f tasks/s (created→SUCCEEDED p50 %,.0f ms) ÷ JobRunr's best %,.0f jobs/s = %.1f×%n",
                "ratio-jobrunr" + label, weft.name(), weft.throughput().median(), weft.p50Millis().median(), best,
                weft.throughput().median() / best);
        return failures;
    }

    static Run run(int workers, int jobs) throws InterruptedException {
        return run(workers, jobs, new InMemoryStorageProvider(), POLL_INTERVAL);
    }

    /**
     * One run on {@code storage} (in memory, or JobRunr's PostgreSQL storage on a database of its own,
     * which JobRunr polls no more often than every 5 s).
     */
    static Run run(int workers, int jobs, StorageProvider storage, Duration pollInterval) throws InterruptedException {
        SucceededCounter succeeded = new SucceededCounter();
        JobRunr.configure().useStorageProvider(storage).withJobFilter(succeeded)
                .useBackgroundJobServer(usingStandardBackgroundJobServerConfiguration().andWorkerCount(workers)
                        .andPollInterval(pollInterval))
                .initialize();
        try {
            long start = System.nanoTime();
            for (int from = 0; from < jobs; from += BATCH) {
                BackgroundJob.enqueue(IntStream.range(from, Math.min(jobs, from + BATCH)).boxed(), (Integer i) -> NoOpJob.run(i));
            }
            long deadline = start + TimeUnit.MINUTES.toNanos(20);
            while (succeeded.count() < jobs) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("JobRunr did not finish " + jobs + " jobs in 20 minutes");
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Job> done = storage.getJobList(StateName.SUCCEEDED, new AmountRequest("updatedAt:ASC", jobs));
            long[] millis = new long[done.size()];
            for (int i = 0; i < millis.length; i++) {
                Job job = done.get(i);
                millis[i] = Duration.between(job.getJobStates().get(0).getCreatedAt(), job.getJobState().getCreatedAt()).toMillis();
            }
            return new Run(jobs / seconds, Stats.percentileOf(millis, 50), jobs - done.size());
        } finally {
            JobRunr.destroy();
        }
    }

    /**
     * Counts the jobs that succeed as JobRunr's workers apply the state (a no-op cannot fail; a
     * failed job would be retried, and the deadline above ends a run that does not finish). The clock is read from
     * this rather than by counting the storage: the in-memory storage counts by looking at every
     * job, which at 200,000 jobs every 20 ms took half a core from the JobRunr it was measuring.
     */
    private static final class SucceededCounter implements ApplyStateFilter {

        private final AtomicLong succeeded = new AtomicLong();

        @Override
        public void onStateApplied(Job job, JobState oldState, JobState newState) {
            if (newState.getName() == StateName.SUCCEEDED) {
                succeeded.incrementAndGet();
            }
        }

        long count() {
            return succeeded.get();
        }
    }
}
