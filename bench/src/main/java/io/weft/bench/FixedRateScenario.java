package io.weft.bench;

import io.weft.client.WeftClient;
import io.weft.model.task.TaskSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A steady load instead of a burst: echo tasks submitted at a fixed rate by a submitter that ticks
 * every millisecond and sends, as one batch, the tasks the clock says are due by then (so a late
 * tick catches up instead of lowering the rate). Each task's latency is its own created → SUCCEEDED
 * time, from its history (one clock: the one node's).
 */
final class FixedRateScenario {

    private final WeftClient client;
    private final PrintStream out;

    FixedRateScenario(WeftClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** What one run saw. */
    record Run(double achievedPerSecond, int largestBatch, double p50Millis, double p99Millis, long notSucceeded) {
    }

    /** Prints {@code fixed-rate}; returns how many tasks did not succeed. */
    long run(int perSecond, Duration length) throws Exception {
        long failures = once(perSecond, Duration.ofSeconds(Math.max(1, length.toSeconds() / 5))).notSucceeded();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        int largestBatch = 0;
        for (int i = 0; i < BenchMain.REPEATS; i++) {
            Run run = once(perSecond, length);
            p50.add(run.p50Millis());
            p99.add(run.p99Millis());
            achieved.add(run.achievedPerSecond());
            largestBatch = Math.max(largestBatch, run.largestBatch());
            failures += run.notSucceeded();
        }
        out.printf("fixed-rate       %,d echo tasks/s for %d s (%,d tasks), ticks of 1 ms: created→SUCCEEDED p50 %s ms, p99 %s ms; "
                        + "submitted at %s tasks/s, largest batch %,d%n", perSecond, length.toSeconds(), perSecond * length.toSeconds(),
                Stats.of(p50).format("%,.0f"), Stats.of(p99).format("%,.0f"), Stats.of(achieved).format("%,.0f"), largestBatch);
        return failures;
    }

    Run once(int perSecond, Duration length) throws Exception {
        String session = client.sessions().create("bench-fixed-rate", Map.of()).id();
        int total = (int) (perSecond * length.toSeconds());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (TerminalWatch finished = TerminalWatch.of(client, session, total)) {
            Submitter submitter = new Submitter(session, perSecond, total);
            ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(submitter, 0, 1, TimeUnit.MILLISECONDS);
            boolean sent = submitter.done.await(length.toSeconds() + 600, TimeUnit.SECONDS);
            ticks.cancel(false);
            if (submitter.failed != null) {
                throw new IllegalStateException("the fixed-rate submitter failed", submitter.failed);
            }
            if (!sent || !finished.await(Duration.ofMinutes(10))) {
                throw new IllegalStateException("fixed rate: " + submitter.submitted + " of " + total + " submitted, "
                        + finished.unfinished() + " not finished in time");
            }
            long[] millis = SessionTasks.createdToSucceededMillis(client, session);
            return new Run(submitter.achievedPerSecond(), submitter.largestBatch, Stats.percentileOf(millis, 50),
                    Stats.percentileOf(millis, 99), finished.notSucceeded());
        } finally {
            ticker.shutdownNow();
            // Measured: every run starts from the same grid, not with the tasks of the runs before it.
            client.sessions().purge(session);
        }
    }

    /** Runs every tick on the one ticker thread: sends, as one batch (≤ 1,000), the tasks due by now. */
    private final class Submitter implements Runnable {

        private final String session;
        private final int perSecond;
        private final int total;
        private final long start = System.nanoTime();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile int submitted;
        private volatile int largestBatch;
        private volatile long lastSubmit;
        private volatile RuntimeException failed;

        Submitter(String session, int perSecond, int total) {
            this.session = session;
            this.perSecond = perSecond;
            this.total = total;
        }

        @Override
        public void run() {
            try {
                long dueByNow = Math.min(total, (System.nanoTime() - start) * perSecond / 1_000_000_000L);
                int batch = (int) Math.min(dueByNow - submitted, 1_000);
                if (batch <= 0 || done.getCount() == 0) {
                    return;
                }
                List<TaskSpec> specs = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    specs.add(TaskSpec.of("echo", "{\"i\":" + (submitted + i) + "}"));
                }
                client.tasks().submit(session, specs);
                largestBatch = Math.max(largestBatch, batch);
                submitted += batch;
                if (submitted == total) {
                    lastSubmit = System.nanoTime();
                    done.countDown();
                }
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again, silently: end the wait instead.
                failed = e;
                done.countDown();
            }
        }

        double achievedPerSecond() {
            return total / ((lastSubmit - start) / 1e9);
        }
    }
}
