package io.weft.bench;

import io.weft.client.WeftClient;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Delayed tasks: many tasks pending far in the future (a day), and a stream of echo tasks due
 * {@code perSecond} a second, each submitted ahead with its own {@code runAt}. At each pending level
 * (growing to {@code pending}): the due tasks' start lateness (RUNNING − due time, from their
 * histories) and the CPU time the due-time stage's thread used while they fell due.
 */
final class DelayedScenario {

    private static final TaskOptions FAR = TaskOptions.builder().delay(Duration.ofDays(1)).build();
    /** How far ahead of its due time the first due task is submitted: 1 s, plus the window's submission at 5,000/s. */
    private static Duration lead(int tasks) {
        return Duration.ofSeconds(1).plusMillis(tasks / 5);
    }

    private final WeftClient client;
    private final PrintStream out;

    DelayedScenario(WeftClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Prints one {@code delayed} line per pending level; returns how many due tasks did not succeed. */
    long run(int pending, int perSecond, int seconds) throws Exception {
        String far = client.sessions().create("bench-delayed-far", Map.of()).id();
        DueTimeThreads dueTime = new DueTimeThreads();
        long failures = window(perSecond, 1, dueTime, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()); // warm-up
        int added = 0;
        for (int level : new int[] {0, pending / 4, pending}) {
            added += submitFar(far, level - added);
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int r = 0; r < BenchMain.REPEATS; r++) {
                failures += window(perSecond, seconds, dueTime, p50, p99, cpu);
            }
            out.printf("delayed          %,d pending a day ahead, %,d due/s for %d s: start lateness p50 %s ms, p99 %s ms; "
                            + "due-time stage CPU %s ms per second (%s)%n", level, perSecond, seconds,
                    Stats.of(p50).format("%,.0f"), Stats.of(p99).format("%,.0f"), Stats.of(cpu).format("%,.1f"), dueTime.names());
        }
        client.sessions().purge(far);
        return failures;
    }

    private int submitFar(String session, int count) {
        SessionTasks.submitInBatches(client, session, count,
                i -> new TaskSpec("echo", "{\"far\":" + i + "}", FAR, List.of(), List.of(), null, null));
        return count;
    }

    /** One window: {@code perSecond × seconds} tasks due evenly from a little ahead on; adds its figures. */
    private long window(int perSecond, int seconds, DueTimeThreads dueTime, List<Double> p50, List<Double> p99, List<Double> cpu)
            throws Exception {
        String session = client.sessions().create("bench-delayed", Map.of()).id();
        int total = perSecond * seconds;
        Instant first = Instant.now().plus(lead(total));
        SessionTasks.submitInBatches(client, session, total, i -> new TaskSpec("echo", "{\"i\":" + i + "}",
                TaskOptions.builder().runAt(first.plusNanos(1_000_000_000L * i / perSecond)).build(), List.of(), List.of(),
                null, null));
        long sleep = Duration.between(Instant.now(), first).toMillis();
        if (sleep > 0) {
            Thread.sleep(sleep);
        }
        if (dueTime.count() == 0) {
            dueTime.sample(Math.min(seconds * 1_000L, 1_000)); // during the warm-up window, while tasks fall due
        }
        long cpuStart = dueTime.cpuNanos();
        long wallStart = System.nanoTime();
        long succeeded = awaitTerminal(session, total);
        long cpuUsed = dueTime.cpuNanos() - cpuStart;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        long[] lateness = client.tasks().list(session, TaskStatus.SUCCEEDED).stream()
                .mapToLong(t -> t.startedAt().toEpochMilli() - t.dueAt().toEpochMilli()).toArray();
        p50.add(Stats.percentileOf(lateness, 50));
        p99.add(Stats.percentileOf(lateness, 99));
        cpu.add(cpuUsed / 1e6 / wallSeconds);
        return total - succeeded;
    }

    private long awaitTerminal(String session, int total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            TaskCounts counts = client.sessions().counts(session);
            long succeeded = counts.get(TaskStatus.SUCCEEDED);
            if (succeeded + counts.get(TaskStatus.FAILED) + counts.get(TaskStatus.CANCELLED) >= total) {
                return succeeded;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the due tasks did not all finish in 10 minutes");
    }
}
