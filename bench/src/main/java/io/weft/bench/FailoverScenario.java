package io.weft.bench;

import com.hazelcast.cluster.Member;
import io.weft.client.WeftClient;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A member lost under load: three member JVMs ({@link LoopbackCluster}), every {@code sleep} slot
 * busy with 200 ms tasks, one member SIGKILLed. From the tasks' own histories: for each task that was
 * RUNNING on the dead member at the kill, how long until it was RUNNING again on another; and how many
 * tasks did not end SUCCEEDED (lost). Each run gets a fresh cluster, so every kill meets a full CP group.
 */
final class FailoverScenario {

    static final int MEMBERS = 3;
    static final int SLOTS_PER_MEMBER = 8;
    static final int SLEEP_MILLIS = 200;
    /** How long a run waits for its tasks after the kill before it counts the unfinished ones as lost. */
    static final Duration FINISH_LIMIT = Duration.ofMinutes(2);

    private final PrintStream out;

    FailoverScenario(PrintStream out) {
        this.out = out;
    }

    /** What one kill showed. */
    record Run(int runningOnVictim, long maxMillis, long p50Millis, long lost) {
    }

    /**
     * Prints {@code failover}; returns how many tasks were lost (must be 0). A run whose victim had no
     * task recorded RUNNING at the kill measured no recovery (its attempts had all started in the last
     * 50 ms, before a start is written; see docs/benchmarks.md): its losses count, and up to two more
     * runs are made so that {@code runs} of them measure one.
     */
    long run(int runs, int loadSeconds) throws Exception {
        List<Double> worst = new ArrayList<>();
        List<Double> median = new ArrayList<>();
        long lost = 0;
        int interrupted = 0;
        int made = 0;
        for (; worst.size() < runs && made < runs + 2; made++) {
            int victim = MEMBERS - 1 - made % MEMBERS;
            Run run = once(victim, loadSeconds);
            lost += run.lost();
            if (run.runningOnVictim() == 0) {
                out.printf("  failover run %d: SIGKILL of member %d, no task recorded RUNNING on it at the kill, so no recovery "
                        + "to time; lost %d%n", made + 1, victim + 1, run.lost());
                continue;
            }
            out.printf("  failover run %d: SIGKILL of member %d, %d tasks running on it, RUNNING again after %,d ms (last), "
                    + "%,d ms (median); lost %d%n", made + 1, victim + 1, run.runningOnVictim(), run.maxMillis(), run.p50Millis(), run.lost());
            worst.add((double) run.maxMillis());
            median.add((double) run.p50Millis());
            interrupted += run.runningOnVictim();
        }
        int tasks = MEMBERS * SLOTS_PER_MEMBER * loadSeconds * 1000 / SLEEP_MILLIS;
        String timed = worst.isEmpty() ? "no run timed a recovery"
                : String.format("RUNNING again elsewhere after %s ms (last task), %s ms (median task)",
                        Stats.of(worst).format("%,.0f"), Stats.of(median).format("%,.0f"));
        out.printf("failover         %d member JVMs, %,d sleep tasks of %d ms on %d slots, SIGKILL of one member a third of the way in, "
                        + "%d run(s), %d timed: %s; %d tasks were running on the dead members; lost %d%n", MEMBERS, tasks,
                SLEEP_MILLIS, MEMBERS * SLOTS_PER_MEMBER, made, worst.size(), timed, interrupted, lost);
        return lost;
    }

    Run once(int victim, int loadSeconds) throws Exception {
        try (LoopbackCluster cluster = LoopbackCluster.start(MEMBERS, "sleep=" + SLOTS_PER_MEMBER);
             WeftClient client = WeftClient.connect(cluster.clientConfig())) {
            int slots = MEMBERS * SLOTS_PER_MEMBER;
            String warmUp = client.sessions().create("bench-failover-warm-up", Map.of()).id();
            client.tasks().submit(warmUp, sleeps(slots * 2));
            awaitTerminal(client, warmUp, slots * 2);

            String session = client.sessions().create("bench-failover", Map.of()).id();
            int total = slots * loadSeconds * 1000 / SLEEP_MILLIS;
            for (int from = 0; from < total; from += 1_000) {
                client.tasks().submit(session, sleeps(Math.min(1_000, total - from)));
            }
            Thread.sleep(loadSeconds * 1000L / 3);
            String victimId = memberAt(client, cluster.port(victim));
            long killedAt = System.currentTimeMillis();
            cluster.kill(victim);
            long succeeded = awaitTerminal(client, session, total);

            List<Long> recoveries = new ArrayList<>();
            for (Task task : client.tasks().list(session, null)) {
                long recovered = runningAgainAfter(task.history(), victimId, killedAt);
                if (recovered >= 0) {
                    recoveries.add(recovered);
                }
            }
            long[] millis = recoveries.stream().mapToLong(Long::longValue).toArray();
            long max = recoveries.stream().mapToLong(Long::longValue).max().orElse(-1);
            return new Run(millis.length, max, (long) Stats.percentileOf(millis, 50), total - succeeded);
        }
    }

    /**
     * For a task whose last change before the kill made it RUNNING on the victim: milliseconds from the
     * kill until it was RUNNING on another member ({@link Long#MAX_VALUE} if it never was). -1 otherwise.
     */
    static long runningAgainAfter(List<StatusChange> history, String victim, long killedAt) {
        StatusChange atKill = null;
        for (StatusChange change : history) {
            if (change.at().toEpochMilli() <= killedAt) {
                atKill = change;
            }
        }
        if (atKill == null || atKill.status() != TaskStatus.RUNNING || !victim.equals(atKill.member())) {
            return -1;
        }
        for (StatusChange change : history) {
            if (change.at().toEpochMilli() > killedAt && change.status() == TaskStatus.RUNNING && !victim.equals(change.member())) {
                return change.at().toEpochMilli() - killedAt;
            }
        }
        return Long.MAX_VALUE;
    }

    private static String memberAt(WeftClient client, int port) {
        for (Member member : client.hazelcast().getCluster().getMembers()) {
            if (member.getAddress().getPort() == port) {
                return member.getUuid().toString();
            }
        }
        throw new IllegalStateException("no member on port " + port);
    }

    /**
     * Waits (at most {@link #FINISH_LIMIT}) until every task of the session is terminal, reading the tasks
     * themselves (the session's counts are kept by the members and may miss what the dead one had not
     * flushed); returns how many SUCCEEDED, and says what was left if some never finished.
     */
    private long awaitTerminal(WeftClient client, String session, int total) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH_LIMIT.toNanos();
        Map<TaskStatus, Long> byStatus = Map.of();
        while (System.nanoTime() < deadline) {
            byStatus = client.tasks().list(session, null).stream()
                    .collect(Collectors.groupingBy(Task::status, () -> new EnumMap<>(TaskStatus.class), Collectors.counting()));
            long finished = byStatus.entrySet().stream().filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
            if (finished >= total) {
                break;
            }
            Thread.sleep(500);
        }
        long succeeded = byStatus.getOrDefault(TaskStatus.SUCCEEDED, 0L);
        if (succeeded < total) {
            out.printf("  failover run: %,d of %,d tasks not SUCCEEDED %d s after the kill: %s%n", total - succeeded, total,
                    FINISH_LIMIT.toSeconds(), byStatus);
        }
        return succeeded;
    }

    private static List<TaskSpec> sleeps(int count) {
        List<TaskSpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            specs.add(TaskSpec.of("sleep", "{\"ms\":" + SLEEP_MILLIS + "}"));
        }
        return specs;
    }
}
