package io.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same echo work through the REST gateway ({@link GatewayRun}, a child JVM in its embedded
 * default), driven with {@link java.net.http.HttpClient} over keep-alive HTTP/1.1: batch throughput
 * with a few concurrent connections, and {@code POST /v1/run/echo} latency one call at a time.
 */
final class GatewayScenarios {

    static final int BATCH = 1_000;
    static final int CONNECTIONS = 4;
    /** How often the session's counts are read while the clock runs; they trail the tasks by ≤ 0.1 s. */
    private static final long POLL_MILLIS = 20;

    private final GatewayRun gateway;
    private final HttpApi api;
    private final PrintStream out;

    GatewayScenarios(GatewayRun gateway, PrintStream out) {
        this.gateway = gateway;
        this.api = new HttpApi(gateway.base(), gateway.adminKey());
        this.out = out;
    }

    /**
     * Prints {@code gateway-echo} (with its ratios to {@code embedded}, the echo-embedded runs of this
     * benchmark) and {@code gateway-run-idle}; returns how many tasks did not succeed.
     */
    long run(int tasks, int calls, EchoRuns embedded) throws Exception {
        long failures = throughput(Math.max(BATCH, tasks / 10)).notSucceeded();
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> clientCpu = new ArrayList<>();
        long pushedBack = 0;
        for (int i = 0; i < BenchMain.REPEATS; i++) {
            Run run = throughput(tasks);
            rates.add(run.tasksPerSecond());
            cpu.add(run.cpuMicrosPerTask());
            clientCpu.add(run.clientCpuMicrosPerTask());
            failures += run.notSucceeded();
            pushedBack += run.pushedBack();
        }
        Stats rate = Stats.of(rates);
        Stats cpuPerTask = Stats.of(cpu);
        // The gateway JVM's CPU per task against echo-embedded's JVM: what the HTTP path adds to a task,
        // steadier than the throughputs' ratio when other processes share the machine. The bench JVM's
        // (the HTTP client beside it, on the same cores) is shown apart.
        out.printf("gateway-echo     %,d no-op echo tasks through the REST gateway (embedded default, child JVM), batches of 1,000, "
                        + "%d connections: %s tasks/s submit→SUCCEEDED, %.2f of echo-embedded (%,.0f); gateway JVM's CPU %s µs/task, "
                        + "%.2f× echo-embedded's (%,.0f), and the client's JVM %s µs/task beside it; %,d batches pushed back (429)%n",
                tasks, CONNECTIONS, rate.format("%,.0f"), rate.median() / embedded.throughput().median(),
                embedded.throughput().median(), cpuPerTask.format("%,.0f"),
                cpuPerTask.median() / embedded.cpuMicrosPerTask().median(), embedded.cpuMicrosPerTask().median(),
                Stats.of(clientCpu).format("%,.0f"), pushedBack);
        runEchoOneAtATime(Math.max(50, calls / 4));
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < BenchMain.REPEATS; r++) {
            long[] micros = runEchoOneAtATime(calls);
            p50.add(Stats.percentileOf(micros, 50) / 1000.0);
            p99.add(Stats.percentileOf(micros, 99) / 1000.0);
        }
        out.printf("gateway-run-idle %,d POST /v1/run/echo one at a time, keep-alive: p50 %s ms, p99 %s ms%n", calls,
                Stats.of(p50).format("%.2f"), Stats.of(p99).format("%.2f"));
        return failures;
    }

    /** What one throughput run saw; the CPU per task is the gateway JVM's and this (the client's) JVM's, over the clock. */
    record Run(double tasksPerSecond, double cpuMicrosPerTask, double clientCpuMicrosPerTask, long notSucceeded, long pushedBack) {
    }

    /**
     * Submits {@code count} echo tasks in batches of {@link #BATCH} over {@link #CONNECTIONS} connections
     * into one new session; a batch pushed back (429) waits its Retry-After and is sent again. The clock
     * stops when the session's counts show every task finished.
     */
    Run throughput(int count) throws Exception {
        String session = api.expectOk(api.post("/v1/sessions", "{\"name\": \"bench-gateway\"}"), "create session").path("id").asText();
        int batches = (count + BATCH - 1) / BATCH;
        AtomicInteger next = new AtomicInteger();
        AtomicLong pushedBack = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        long cpuStart = gateway.cpuNanos();
        long clientCpuStart = ProcessCpu.nanos();
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                sending.add(senders.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        sendBatch(session, b * BATCH, Math.min(count, (b + 1) * BATCH), pushedBack);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        long succeeded = awaitFinished(session, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMicros = (gateway.cpuNanos() - cpuStart) / 1e3 / count;
        return new Run(count / seconds, cpuMicros, ProcessCpu.microsPerTask(clientCpuStart, count), count - succeeded,
                pushedBack.get());
    }

    private void sendBatch(String session, int from, int to, AtomicLong pushedBack) throws Exception {
        StringBuilder body = new StringBuilder(40 * (to - from)).append("{\"tasks\": [");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append("{\"type\": \"echo\", \"input\": {\"i\": ").append(i).append("}}");
        }
        String json = body.append("]}").toString();
        while (true) {
            HttpApi.Reply reply = api.post("/v1/sessions/" + session + "/tasks", json);
            if (reply.status() != 429) {
                api.expectOk(reply, "submit");
                return;
            }
            // Backpressure (invariant 4): the gateway says when to come back.
            pushedBack.incrementAndGet();
            Thread.sleep(TimeUnit.SECONDS.toMillis(reply.retryAfterSeconds()));
        }
    }

    /** Reads the session's counts until every task is terminal; returns how many SUCCEEDED. */
    private long awaitFinished(String session, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode counts = api.expectOk(api.get("/v1/sessions/" + session), "read session").path("counts");
            long succeeded = counts.path("SUCCEEDED").asLong();
            long finished = succeeded + counts.path("FAILED").asLong() + counts.path("CANCELLED").asLong();
            if (finished >= count) {
                return succeeded;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("the gateway's tasks did not all finish in 10 minutes");
    }

    /** {@code POST /v1/run/echo} one call at a time, {@code count} calls: p50 and p99 in microseconds. */
    long[] runEchoOneAtATime(int count) throws Exception {
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpApi.Reply reply = api.post("/v1/run/echo?timeout=PT30S", "{\"i\": " + i + "}");
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (reply.status() != 200 || !"SUCCEEDED".equals(reply.body().path("status").asText())) {
                throw new IllegalStateException("POST /v1/run/echo answered " + reply.status() + ": " + reply.body());
            }
        }
        return micros;
    }
}
