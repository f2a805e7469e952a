package io.weft.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts from its own classpath (the shaded jar, or surefire's test classpath),
 * with the flags Hazelcast asks for on Java 17 and members bound to 127.0.0.1, its output in a log
 * file. {@link #close()} kills it (SIGKILL on Linux), so nothing outlives the scenario.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The garbage collector's pause goal of a node's JVM, as the image and {@code bin/weft-cluster} set
     * it: G1's default (200 ms) lets young pauses reach 40-140 ms under load, the fixed rate's tail.
     */
    static final int NODE_PAUSE_GOAL_MILLIS = 20;

    /** Starts {@code mainClass} with this environment laid over ours, minus {@code WEFT_MEMBERS} unless given. */
    static ChildJvm start(String name, String heap, String mainClass, Map<String, String> env, List<String> args)
            throws IOException {
        Path log = Files.createTempFile("weft-bench-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:MaxGCPauseMillis=" + NODE_PAUSE_GOAL_MILLIS, "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-Dhazelcast.local.localAddress=127.0.0.1", "-Dhazelcast.logging.type=slf4j",
                "-Dhazelcast.phone.home.enabled=false", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath()));
        // -Dbench.childJvmOptions="..." reaches every child JVM, e.g. a JFR recording of the gateway.
        String extra = System.getProperty("bench.childJvmOptions", "").replace("{name}", name);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("WEFT_MEMBERS");
        builder.environment().putAll(env);
        return new ChildJvm(builder.start(), log);
    }

    static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** A TCP port free on 127.0.0.1 at the time of asking. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive ports in {@code [from, to)} that are all free on 127.0.0.1 now. */
    static int freeRange(int from, int to, int count) {
        for (int base = from; base + count <= to; base++) {
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket socket = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in " + from + "-" + to);
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The CPU time the JVM has used so far, all its threads (the OS's figure, read from /proc on Linux). */
    long cpuNanos() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report a child process's CPU time"))
                .toNanos();
    }

    /**
     * Waits, at most {@code limit}, until {@code readiness} answers 200; fails at once if the JVM exits.
     * {@code what} names it in the failure.
     */
    void awaitReady(URI readiness, Duration limit, String what) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException(what + " exited while starting; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(what + " was not ready in " + limit + "; see " + log);
    }

    /** SIGKILL, as a crash would; waits (bounded) until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
