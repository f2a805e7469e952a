package io.weft.bench;

import io.weft.client.WeftClient;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Data dependencies: how much the event path (result settles → waiting task wakes → scheduled → runs
 * → writes its output) adds per edge. Results and tasks are created before the clock starts; the
 * clock runs from the first input's upload (chain) or the producers' submit (fan-in) to the last
 * task's SUCCEEDED.
 */
final class GraphScenarios {

    private static final TaskOptions NO_RETRY = TaskOptions.builder().maxRetries(0).build();

    private final WeftClient client;
    private final PrintStream out;

    GraphScenarios(WeftClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Returns how many runs did not end SUCCEEDED (must be 0). */
    long run(int chainLength, int fanIn) throws Exception {
        long failures = 0;
        List<Double> chainMillisPerEdge = new ArrayList<>();
        List<Double> fanInMillis = new ArrayList<>();
        List<Double> fanInCpu = new ArrayList<>();
        failures += chain(Math.max(10, chainLength / 10), new ArrayList<>());
        for (int i = 0; i < BenchMain.REPEATS; i++) {
            failures += chain(chainLength, chainMillisPerEdge);
        }
        Stats chain = Stats.of(chainMillisPerEdge);
        out.printf("chain            %,d relay tasks, each waiting for the previous one's output: %s ms per edge%n",
                chainLength, chain.format("%.2f"));
        failures += fanIn(Math.max(10, fanIn / 10), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < BenchMain.REPEATS; i++) {
            failures += fanIn(fanIn, fanInMillis, fanInCpu);
        }
        Stats fan = Stats.of(fanInMillis);
        out.printf("fan-in           %,d producers → 1 consumer of all their outputs: %s ms in all, %.3f ms per edge (median), "
                + "CPU %s µs per edge%n", fanIn, fan.format("%,.0f"), fan.median() / fanIn, Stats.of(fanInCpu).format("%,.0f"));
        return failures;
    }

    private long chain(int length, List<Double> millisPerEdge) throws Exception {
        String session = client.sessions().create("bench-chain", Map.of()).id();
        List<String> links = newResults(session, length + 1);
        List<TaskSpec> specs = new ArrayList<>(length);
        for (int i = 1; i <= length; i++) {
            specs.add(relay(List.of(links.get(i - 1)), List.of(links.get(i))));
        }
        List<Task> tasks = submit(session, specs);
        long start = System.nanoTime();
        client.results().upload(links.get(0), new ByteArrayInputStream(new byte[] {1}));
        Task last = client.tasks().await(tasks.get(length - 1).id()).get(10, TimeUnit.MINUTES);
        millisPerEdge.add((System.nanoTime() - start) / 1e6 / length);
        if (System.getProperty("bench.trace") != null) {
            traceChain(session, tasks);
        }
        return last.status() == TaskStatus.SUCCEEDED ? 0 : 1;
    }

    /**
     * Where a chain's edge went, from the tasks' own histories (millisecond times, so only the means
     * over the chain are meaningful): the previous task's SUCCEEDED → this one's QUEUED (its input
     * settled and it was told), QUEUED → RUNNING (dispatch) and RUNNING → SUCCEEDED (the relay's run).
     */
    private void traceChain(String session, List<Task> submitted) {
        Map<String, Task> ended = client.tasks().list(session, TaskStatus.SUCCEEDED).stream()
                .collect(Collectors.toMap(Task::id, t -> t));
        double told = 0;
        double dispatched = 0;
        double ran = 0;
        Task previous = null;
        for (Task t : submitted) {
            Task task = ended.get(t.id());
            if (task == null) {
                throw new IllegalStateException("chain task " + t.id() + " did not succeed");
            }
            long queued = timeOf(task, TaskStatus.QUEUED);
            long running = timeOf(task, TaskStatus.RUNNING);
            if (previous != null) {
                told += queued - timeOf(previous, TaskStatus.SUCCEEDED);
            }
            dispatched += running - queued;
            ran += timeOf(task, TaskStatus.SUCCEEDED) - running;
            previous = task;
        }
        int n = submitted.size();
        out.printf("  chain means: SUCCEEDED→next QUEUED %.3f ms, QUEUED→RUNNING %.3f ms, RUNNING→SUCCEEDED %.3f ms%n",
                told / (n - 1), dispatched / n, ran / n);
    }

    /**
     * Where a fan-in's time went, from the tasks' histories: the producers' first RUNNING to their last
     * SUCCEEDED, then to the consumer's QUEUED (its last input settled and it was told), RUNNING
     * (dispatch) and SUCCEEDED (its reading of every input).
     */
    private void traceFanIn(String session, Task sink) {
        long firstRun = Long.MAX_VALUE;
        long lastDone = 0;
        for (Task task : client.tasks().list(session, TaskStatus.SUCCEEDED)) {
            if (!task.id().equals(sink.id())) {
                firstRun = Math.min(firstRun, timeOf(task, TaskStatus.RUNNING));
                lastDone = Math.max(lastDone, timeOf(task, TaskStatus.SUCCEEDED));
            }
        }
        long queued = timeOf(sink, TaskStatus.QUEUED);
        long running = timeOf(sink, TaskStatus.RUNNING);
        out.printf("  fan-in: producers ran %,d ms, last producer→consumer QUEUED %,d ms, QUEUED→RUNNING %,d ms, "
                + "RUNNING→SUCCEEDED %,d ms%n", lastDone - firstRun, queued - lastDone, running - queued,
                timeOf(sink, TaskStatus.SUCCEEDED) - running);
    }

    private static long timeOf(Task task, TaskStatus status) {
        return task.history().stream().filter(c -> c.status() == status).reduce((a, b) -> b).orElseThrow().at().toEpochMilli();
    }

    /** One fan-in; adds its time and the JVM's CPU per edge in the clocked window. */
    private long fanIn(int producers, List<Double> millis, List<Double> cpuMicros) throws Exception {
        String session = client.sessions().create("bench-fan-in", Map.of()).id();
        List<String> parts = newResults(session, producers);
        Task sink = client.tasks().submit(session, relay(parts, List.of()));
        List<TaskSpec> specs = new ArrayList<>(producers);
        parts.forEach(part -> specs.add(relay(List.of(), List.of(part))));
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        submit(session, specs);
        Task done = client.tasks().await(sink.id()).get(10, TimeUnit.MINUTES);
        millis.add((System.nanoTime() - start) / 1e6);
        cpuMicros.add(ProcessCpu.microsPerTask(cpuStart, producers));
        if (System.getProperty("bench.trace") != null) {
            traceFanIn(session, done);
        }
        return done.status() == TaskStatus.SUCCEEDED ? 0 : 1;
    }

    private List<Task> submit(String session, List<TaskSpec> specs) {
        List<Task> tasks = new ArrayList<>(specs.size());
        for (int from = 0; from < specs.size(); from += 1_000) {
            tasks.addAll(client.tasks().submit(session, specs.subList(from, Math.min(specs.size(), from + 1_000))));
        }
        return tasks;
    }

    private List<String> newResults(String session, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(client.results().create(session, "r" + i, "application/octet-stream", Duration.ofHours(1)).id());
        }
        return ids;
    }

    private static TaskSpec relay(List<String> dependsOn, List<String> outputs) {
        return new TaskSpec(RelayHandler.TYPE, "{}", NO_RETRY, dependsOn, outputs, null, null);
    }
}
