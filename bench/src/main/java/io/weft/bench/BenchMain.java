package io.weft.bench;

import io.weft.client.WeftClient;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs every scenario against one embedded node and prints one line of figures per scenario.
 * {@code --short} runs each for a few seconds (CI keeps it from rotting); without it, the full sizes.
 * Every scenario warms up first, repeats {@link #REPEATS} times, and reports median (min–max).
 */
public final class BenchMain {

    static final int REPEATS = 3;
    static final int ECHO_SLOTS = Integer.getInteger("bench.echoSlots", 64);

    private final boolean quick;
    private final PrintStream out;
    /** echo-embedded of this run, measured once and compared with by later groups; null until then. */
    private EchoRuns embeddedEcho;
    private Stats taskFloor;

    BenchMain(boolean quick, PrintStream out) {
        this.quick = quick;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--short");
        new BenchMain(quick, System.out).runAll();
        System.exit(0);
    }

    /** Runs every scenario; returns how many tasks did not succeed (must be 0). */
    long runAll() throws Exception {
        NodeSettings settings = NodeSettings.builder().clusterName("bench-" + UUID.randomUUID().toString().substring(0, 8))
                .members(List.of("127.0.0.1")).metricsPort(0).slots(Map.of("echo", ECHO_SLOTS)).build();
        WeftNode node = WeftNode.start(settings, List.of(new RelayHandler()));
        long failures = 0;
        try (WeftClient client = WeftClient.embedded(node.hazelcast())) {
            out.printf("# machine: %d cores, max heap %d MiB, Java %s, %s mode%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), quick ? "short" : "full");
            if (wants("echo")) {
                echoEmbedded(client); // echo-embedded alone, e.g. under a profiler
            }
            if (wants("floor")) {
                taskWriteFloor(node, quick ? 5_000 : 200_000); // the grid's share of a task, alone
            }
            if (wants("throughput")) {
                failures += throughputAgainstTheGrid(client, node);
            }
            if (wants("latency")) {
                latency(client, quick ? 200 : 2_000);
            }
            if (wants("graph")) {
                failures += new GraphScenarios(client, out).run(quick ? 200 : 10_000, quick ? 200 : 10_000);
            }
            if (wants("gateway")) {
                EchoRuns embedded = echoEmbedded(client); // measured before the gateway's JVM starts beside it
                try (GatewayRun gateway = GatewayRun.start(ECHO_SLOTS)) {
                    failures += new GatewayScenarios(gateway, out).run(quick ? 1_000 : 200_000, quick ? 50 : 2_000, embedded);
                }
            }
            if (wants("jobrunr")) {
                // Echo's work: 64 workers, JobRunr's best at every size measured; 16 took 742 s a run here (docs/benchmarks.md).
                int[] workers = Arrays.stream(System.getProperty("bench.jobrunrWorkers", "64").split(","))
                        .mapToInt(w -> Integer.parseInt(w.trim())).toArray();
                failures += JobRunrPeer.compare(out, "", workers, echoEmbedded(client));
                // A tenth of the work as well, both sides and both worker counts: JobRunr's in-memory storage
                // slows as it holds more jobs.
                int tenth = echoTasks() / 10;
                failures += JobRunrPeer.compare(out, "-tenth", new int[] {16, 64}, echoRuns(client, "echo-tenth", tenth, tenth / 10));
            }
            if (wants("fixed-rate")) {
                int rate = Integer.getInteger("bench.fixedRate", 5_000); // another rate, to find the one the node sustains
                failures += new FixedRateScenario(client, out).run(rate, Duration.ofSeconds(quick ? 1 : 30));
            }
            if (wants("queued")) {
                failures += new QueuedHeapScenario(client, node.hazelcast(), out).run(quick ? 20_000 : 1_000_000);
            }
            if (wants("failover")) {
                // Each run starts a cluster of its own (three JVMs): one run in the short mode.
                failures += new FailoverScenario(out).run(quick ? 1 : REPEATS, quick ? 2 : 10);
            }
            if (wants("delayed")) {
                failures += new DelayedScenario(client, out).run(quick ? 20_000 : 1_000_000, 1_000, quick ? 1 : 10);
            }
            if (wants("store")) {
                failures += new StoreScenarios(this, out, quick).run(echoEmbedded(client), quick ? 2_000 : 100_000,
                        quick ? 500 : 10_000, quick ? 10_000 : 1_000_000);
            }
            if (wants("micro")) {
                new MicroScenarios(out).run(quick);
            }
        } finally {
            node.shutdown();
        }
        return failures;
    }

    /** Weft's no-op throughput, and the grid's own limit measured in the same run, as ratios. */
    private long throughputAgainstTheGrid(WeftClient client, WeftNode node) throws Exception {
        long failures = 0;
        int tasks = echoTasks();
        Stats weft = echoEmbedded(client).throughput();
        Stats remote = fromClientJvm(node, tasks);
        out.printf("echo-client-jvm  the same from a Hazelcast client in a JVM of its own: %s tasks/s (%.2f of embedded)%n",
                remote.format("%,.0f"), remote.median() / weft.median());
        GridLimit grid = new GridLimit(node.hazelcast());
        GridLimit.Series exec = new GridLimit.Series();
        GridLimit.Series set = new GridLimit.Series();
        GridLimit.Series processor = new GridLimit.Series();
        int rawOps = quick ? 50_000 : 1_000_000;
        grid.submitToKeyOwner(rawOps / 5, new GridLimit.Series());
        grid.setAsync(rawOps / 5, new GridLimit.Series());
        grid.entryProcessor(rawOps / 5, new GridLimit.Series());
        for (int i = 0; i < REPEATS; i++) {
            grid.submitToKeyOwner(rawOps, exec);
            grid.setAsync(rawOps, set);
            grid.entryProcessor(rawOps, processor);
        }
        Stats rawExec = exec.rate();
        Stats rawSet = set.rate();
        Stats rawProcessor = processor.rate();
        out.printf("grid-limit       raw submitToKeyOwner no-op %s ops/s (CPU %s µs/op), raw async IMap.set %s ops/s (%s µs/op), "
                        + "raw async entry processor %s ops/s (%s µs/op); %,d in flight%n",
                rawExec.format("%,.0f"), exec.cpu().format("%.1f"), rawSet.format("%,.0f"), set.cpu().format("%.1f"),
                rawProcessor.format("%,.0f"), processor.cpu().format("%.1f"), GridLimit.IN_FLIGHT);
        out.printf("ratio            Weft echo ÷ raw submitToKeyOwner = %.3f, ÷ raw async IMap.set = %.3f (medians, same run)%n",
                weft.median() / rawExec.median(), weft.median() / rawSet.median());
        Stats floor = taskWriteFloor(node, tasks);
        // The floor is two writes a task: against two raw entry processors, what the tasks map's value,
        // indexes and listener add to a write.
        out.printf("ratio-floor      Weft echo ÷ task-write floor = %.2f; floor ÷ raw submitToKeyOwner = %.3f; "
                        + "floor ÷ half the raw entry processors = %.2f (medians, same run)%n",
                weft.median() / floor.median(), floor.median() / rawExec.median(), floor.median() / (rawProcessor.median() / 2));
        return failures;
    }

    /**
     * The grid's two writes of a no-op task without the engine (see {@link TaskWriteFloor}): measured
     * (and printed) the first time a group asks.
     */
    private Stats taskWriteFloor(WeftNode node, int tasks) throws InterruptedException {
        if (taskFloor != null) {
            return taskFloor;
        }
        TaskWriteFloor floor = new TaskWriteFloor(node.hazelcast());
        List<Double> runs = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try {
            floor.run(tasks / 10, new ArrayList<>());
            for (int i = 0; i < REPEATS; i++) {
                runs.add(floor.run(tasks, cpu));
            }
        } finally {
            floor.destroy();
        }
        taskFloor = Stats.of(runs);
        out.printf("task-floor       %,d no-op tasks' two grid writes (insert, outcome) on a map configured as the tasks map, "
                + "1,000 in flight, no engine: %s tasks/s, CPU %s µs/task%n", tasks, taskFloor.format("%,.0f"),
                Stats.of(cpu).format("%,.0f"));
        return taskFloor;
    }

    /** The echo-embedded figures of this run: measured (and printed) the first time a group asks. */
    private EchoRuns echoEmbedded(WeftClient client) throws Exception {
        if (embeddedEcho == null) {
            embeddedEcho = echoRuns(client, "echo-embedded", echoTasks(), quick ? 1_000 : 20_000);
        }
        return embeddedEcho;
    }

    private int echoTasks() {
        return quick ? 5_000 : 200_000;
    }

    /** Runs echo (after a warm-up of {@code warmUp} tasks) and prints its figures under {@code name}. */
    EchoRuns echoRuns(WeftClient client, String name, int tasks, int warmUp) throws Exception {
        List<Double> throughput = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long failures = echoThroughput(client, warmUp, new ArrayList<>());
        for (int i = 0; i < REPEATS; i++) {
            failures += echoThroughput(client, tasks, throughput, p50, cpu);
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " echo tasks did not succeed");
        }
        EchoRuns runs = new EchoRuns(name, tasks, Stats.of(throughput), Stats.of(p50), Stats.of(cpu));
        out.printf("%-16s %,d no-op echo tasks, batches of 1,000, 1 node in this JVM: %s tasks/s submit→SUCCEEDED, "
                + "created→SUCCEEDED p50 %s ms, CPU %s µs/task%n", name, tasks, runs.throughput().format("%,.0f"),
                runs.p50Millis().format("%,.0f"), runs.cpuMicrosPerTask().format("%,.0f"));
        return runs;
    }

    /** Runs the echo scenario in a client JVM of its own against this node; its figures, as it printed them. */
    private Stats fromClientJvm(WeftNode node, int tasks) throws Exception {
        String address = "127.0.0.1:" + node.hazelcast().getCluster().getLocalMember().getAddress().getPort();
        Path log = Files.createTempFile("weft-bench-client", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dhazelcast.logging.type=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                RemoteClientRun.class.getName(), node.hazelcast().getConfig().getClusterName(), address,
                String.valueOf(tasks), quick ? "short" : "full");
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!client.waitFor(20, TimeUnit.MINUTES) || client.exitValue() != 0) {
                throw new IllegalStateException("the client JVM failed or did not finish; see " + log);
            }
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    return new Stats(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
                }
            }
            throw new IllegalStateException("the client JVM printed no result; see " + log);
        } finally {
            client.destroyForcibly();
        }
    }

    /** Whether {@code -Dbench.only=a,b} (unset: every scenario) names this group of scenarios. */
    private static boolean wants(String group) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || List.of(only.split(",")).contains(group);
    }

    long echoThroughput(WeftClient client, int count, List<Double> runs) throws Exception {
        return echoThroughput(client, count, runs, null, null);
    }

    /**
     * One echo run; with {@code p50Millis} and {@code cpuMicros} set, adds the run's created → SUCCEEDED
     * median from the tasks' histories and the JVM's CPU per task in the clocked window.
     */
    long echoThroughput(WeftClient client, int count, List<Double> runs, List<Double> p50Millis, List<Double> cpuMicros)
            throws Exception {
        String session = client.sessions().create("bench", Map.of()).id();
        long notSucceeded;
        try (TerminalWatch ended = TerminalWatch.of(client, session, count)) {
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            SessionTasks.submitInBatches(client, session, count, i -> TaskSpec.of("echo", "{\"i\":" + i + "}"));
            if (System.getProperty("bench.trace") != null) {
                out.printf("  submitted %,d in %.2f s; %,d finished by then%n", count, (System.nanoTime() - start) / 1e9,
                        count - ended.unfinished());
            }
            if (!ended.await(Duration.ofMinutes(10))) {
                throw new IllegalStateException(ended.unfinished() + " tasks did not finish in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            runs.add(count / seconds);
            if (cpuMicros != null) {
                cpuMicros.add(ProcessCpu.microsPerTask(cpuStart, count));
            }
            if (p50Millis != null) {
                p50Millis.add(Stats.percentileOf(SessionTasks.createdToSucceededMillis(client, session), 50));
            }
            if (System.getProperty("bench.trace") != null) {
                trace(client, session);
            }
            notSucceeded = ended.notSucceeded();
        }
        // Measured: every run starts from the same grid, not with the tasks of the runs before it.
        client.sessions().purge(session);
        return notSucceeded;
    }

    /** Where a run's time went, from the tasks' own histories: created → RUNNING → SUCCEEDED. */
    private void trace(WeftClient client, String session) {
        List<Task> done = client.tasks().list(session, TaskStatus.SUCCEEDED);
        long[] waits = new long[done.size()];
        long[] runs = new long[done.size()];
        for (int i = 0; i < done.size(); i++) {
            Task t = done.get(i);
            waits[i] = t.startedAt().toEpochMilli() - t.createdAt().toEpochMilli();
            runs[i] = t.endedAt().toEpochMilli() - t.startedAt().toEpochMilli();
        }
        out.printf("  created→RUNNING p50 %.0f ms p99 %.0f ms; RUNNING→SUCCEEDED p50 %.0f ms p99 %.0f ms%n",
                Stats.percentileOf(waits, 50), Stats.percentileOf(waits, 99), Stats.percentileOf(runs, 50),
                Stats.percentileOf(runs, 99));
    }

    private void latency(WeftClient client, int count) throws Exception {
        String session = client.sessions().create("latency", Map.of()).id();
        for (int i = 0; i < count / 4; i++) {
            roundTrip(client, session);
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < REPEATS; r++) {
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                micros[i] = roundTrip(client, session);
            }
            p50.add(Stats.percentileOf(micros, 50) / 1000.0);
            p99.add(Stats.percentileOf(micros, 99) / 1000.0);
        }
        out.printf("latency-idle     %,d echo tasks one at a time, WeftClient submit→await: p50 %s ms, p99 %s ms%n", count,
                Stats.of(p50).format("%.2f"), Stats.of(p99).format("%.2f"));
    }

    private static long roundTrip(WeftClient client, String session) throws Exception {
        long start = System.nanoTime();
        Task task = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        Task done = client.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
        if (done.status() != TaskStatus.SUCCEEDED) {
            throw new IllegalStateException("latency task ended " + done.status());
        }
        return (System.nanoTime() - start) / 1_000;
    }
}
