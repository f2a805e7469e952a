package io.weft.bench;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;

/**
 * The peer Weft is compared with: JobRunr with its {@link InMemoryStorageProvider} and a background
 * job server in this JVM, {@code workers} workers polling every {@link #POLL_INTERVAL}, the same
 * no-op work ({@link NoOpJob}) enqueued in one batch. Each run gets a fresh storage and server.
 */
final class JobRunrPeer {

    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** What one run saw: jobs per second enqueue → last SUCCEEDED, median enqueue → SUCCEEDED, jobs not succeeded. */
    record Run(double jobsPerSecond, double p50Millis, long notSucceeded) {
    }

    private JobRunrPeer() {
    }

    /**
     * Runs JobRunr with 16, then 64 workers (a warm-up, then {@link BenchMain#REPEATS} runs each) and
     * prints its figures beside Weft's echo figures of the same run; returns how many jobs did not succeed.
     */
    static long compare(PrintStream out, int jobs, Stats weft, double weftP50Millis) throws InterruptedException {
        long failures = run(16, Math.max(100, jobs / 10)).notSucceeded();
        double best = 0;
        StringBuilder line = new StringBuilder();
        for (int workers : new int[] {16, 64}) {
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
        out.printf("jobrunr-peer     %,d no-op jobs, JobRunr 8.7.0 in memory, batch enqueue, poll 200 ms: %s%n", jobs, line);
        out.printf("ratio-jobrunr    Weft echo-embedded %,.0f tasks/s (created→SUCCEEDED p50 %,.0f ms) ÷ JobRunr's best "
                + "%,.0f jobs/s = %.1f×%n", weft.median(), weftP50Millis, best, weft.median() / best);
        return failures;
    }

    static Run run(int workers, int jobs) throws InterruptedException {
        InMemoryStorageProvider storage = new InMemoryStorageProvider();
        JobRunr.configure().useStorageProvider(storage)
                .useBackgroundJobServer(usingStandardBackgroundJobServerConfiguration().andWorkerCount(workers)
                        .andPollInterval(POLL_INTERVAL))
                .initialize();
        try {
            long start = System.nanoTime();
            BackgroundJob.enqueue(IntStream.range(0, jobs).boxed(), (Integer i) -> NoOpJob.run(i));
            long deadline = start + TimeUnit.MINUTES.toNanos(20);
            while (storage.countJobs(StateName.SUCCEEDED) + storage.countJobs(StateName.FAILED) < jobs) {
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
}
