package io.weft.bench;

import com.hazelcast.cluster.Member;
import io.weft.client.WeftClient;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A member lost under load: three member JVMs ({@link LoopbackCluster}), every slot busy with 200 ms
 * {@code journaled-sleep} tasks, one member SIGKILLed. Which attempts were running on the dead member
 * comes from its start journal ({@link JournaledSleepHandler}), since the grid learns of an attempt's
 * start only 50 ms in; for each of those tasks, from its own history, how long until it was RUNNING
 * again on another member; and how many tasks did not end SUCCEEDED (lost). Each run gets a fresh
 * cluster, so every kill meets a full CP group.
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

    /** What one kill showed: attempts running on the victim (by its journal; by the grid), recovery times, losses. */
    record Run(long killedAfterMillis, int runningOnVictim, int startWrittenInGrid, long maxMillis, long p50Millis, long lost) {
    }

    /**
     * Prints {@code failover}; returns how many tasks were lost (must be 0). A run whose victim had no
     * attempt running at the kill (a new task runs on the member that inserted it, and the client may
     * have sent every batch through the others) measured no recovery: its losses count, and up to two
     * more runs are made so that {@code runs} of them measure one.
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
                out.printf("  failover run %d: SIGKILL of member %d %,d ms in, no attempt running on it at the kill, so no "
                        + "recovery to time; lost %d%n", made + 1, victim + 1, run.killedAfterMillis(), run.lost());
                continue;
            }
            out.printf("  failover run %d: SIGKILL of member %d %,d ms in, %d tasks running on it (%d with their start in the "
                    + "grid), RUNNING again after %,d ms (last), %,d ms (median); lost %d%n", made + 1, victim + 1,
                    run.killedAfterMillis(), run.runningOnVictim(), run.startWrittenInGrid(), run.maxMillis(), run.p50Millis(),
                    run.lost());
            worst.add((double) run.maxMillis());
            median.add((double) run.p50Millis());
            interrupted += run.runningOnVictim();
        }
        int tasks = MEMBERS * SLOTS_PER_MEMBER * loadSeconds * 1000 / SLEEP_MILLIS;
        String timed = worst.isEmpty() ? "no run timed a recovery"
                : String.format("RUNNING again elsewhere after %s ms (last task), %s ms (median task)",
                        Stats.of(worst).format("%,.0f"), Stats.of(median).format("%,.0f"));
        out.printf("failover         %d member JVMs, %,d journaled-sleep tasks of %d ms on %d slots, SIGKILL of one member at a random point of the middle third, "
                        + "%d run(s), %d timed: %s; %d tasks were running on the dead members; lost %d%n", MEMBERS, tasks,
                SLEEP_MILLIS, MEMBERS * SLOTS_PER_MEMBER, made, worst.size(), timed, interrupted, lost);
        return lost;
    }

    Run once(int victim, int loadSeconds) throws Exception {
        try (LoopbackCluster cluster = LoopbackCluster.start(MEMBERS, JournaledSleepHandler.TYPE + "=" + SLOTS_PER_MEMBER);
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
            // A random point, so that the runs meet the members' periodic work (the sweep, the audits) at
            // different phases rather than always at the same offset from their start.
            long third = loadSeconds * 1000L / 3;
            long killAfter = third + ThreadLocalRandom.current().nextLong(third + 1);
            Thread.sleep(killAfter);
            String victimId = memberAt(client, cluster.port(victim));
            long killedAt = System.currentTimeMillis();
            cluster.kill(victim);
            long succeeded = awaitTerminal(client, session, total);

            Set<String> startedOnVictim = startedIn(cluster.startJournal(victim));
            List<Long> recoveries = new ArrayList<>();
            int startWritten = 0;
            for (Task task : client.tasks().list(session, null)) {
                if (!startedOnVictim.contains(task.id())) {
                    continue;
                }
                long recovered = runningAgainAfter(task.history(), victimId, killedAt);
                if (recovered == Long.MAX_VALUE) {
                    out.printf("  failover: task %s started on the dead member (its journal says) and was not RUNNING on another "
                            + "after the kill at %d; history %s%n", task.id(), killedAt, task.history());
                }
                if (recovered >= 0) {
                    recoveries.add(recovered);
                    startWritten += runningOnVictimAtKill(task.history(), victimId, killedAt) ? 1 : 0;
                }
            }
            long[] millis = recoveries.stream().mapToLong(Long::longValue).toArray();
            long max = recoveries.stream().mapToLong(Long::longValue).max().orElse(-1);
            return new Run(killAfter, millis.length, startWritten, max, (long) Stats.percentileOf(millis, 50), total - succeeded);
        }
    }

    /**
     * For a task with an attempt started on the victim (its journal says so): -1 if the task had ended
     * before the kill (or on the victim, in the instant between the clock's reading and the kill);
     * otherwise milliseconds from the kill until it was RUNNING on another member ({@link Long#MAX_VALUE}
     * if it never was).
     */
    static long runningAgainAfter(List<StatusChange> history, String victim, long killedAt) {
        for (StatusChange change : history) {
            if (change.status().isTerminal() && (change.at().toEpochMilli() <= killedAt || victim.equals(change.member()))) {
                return -1;
            }
        }
        for (StatusChange change : history) {
            if (change.at().toEpochMilli() > killedAt && change.status() == TaskStatus.RUNNING && !victim.equals(change.member())) {
                return change.at().toEpochMilli() - killedAt;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Whether the grid knew, at the kill, that the task was RUNNING on the victim (its last change before it). */
    static boolean runningOnVictimAtKill(List<StatusChange> history, String victim, long killedAt) {
        StatusChange atKill = null;
        for (StatusChange change : history) {
            if (change.at().toEpochMilli() <= killedAt) {
                atKill = change;
            }
        }
        return atKill != null && atKill.status() == TaskStatus.RUNNING && victim.equals(atKill.member());
    }

    /**
     * The tasks whose attempts a member's start journal shows (a line cut short by the kill is skipped).
     * Every start in it came before the member died, so each is either ended before the kill or
     * interrupted by it, which {@link #runningAgainAfter} tells apart.
     */
    static Set<String> startedIn(Path journal) throws IOException {
        Set<String> tasks = new HashSet<>();
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal)) {
                String[] fields = line.split(" ");
                if (fields.length == 2 && fields[1].matches("\\d{13}")) {
                    tasks.add(fields[0]);
                }
            }
        }
        return tasks;
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
            specs.add(TaskSpec.of(JournaledSleepHandler.TYPE, "{\"ms\":" + SLEEP_MILLIS + "}"));
        }
        return specs;
    }
}
