package io.weft.gateway.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/weft-cluster} driven from a test: three node JVMs and a gateway JVM on 127.0.0.1, run
 * from this test's classpath (the shaded jars are built after the tests), on free ports, in a
 * cluster of their own. Every process dies by {@link #WATCHDOG_SECONDS} whatever happens to the test.
 */
public final class LocalCluster implements AutoCloseable {

    public static final int NODES = 3;
    private static final int WATCHDOG_SECONDS = 420;
    private static final long UP_SECONDS = 240;
    private static final long DOWN_SECONDS = 90;

    private final Path script;
    private final Path logDir;
    private final Map<String, String> env = new HashMap<>();
    private final int basePort;
    private final int baseMetricsPort;
    private final int httpPort;
    private final String adminKey = "it-" + UUID.randomUUID().toString().replace("-", "");

    private LocalCluster(Path root, Path logDir, String clusterName, Map<String, String> extraEnv) {
        this.script = root.resolve("bin/weft-cluster");
        this.logDir = logDir;
        this.basePort = freeRange(5801, 5990, NODES);
        this.baseMetricsPort = freeRange(19091, 19290, NODES);
        this.httpPort = freeRange(18080, 18280, 1);
        env.put("WEFT_LOG_DIR", logDir.toString());
        env.put("WEFT_CLUSTER_NAME", clusterName);
        env.put("WEFT_NODES", String.valueOf(NODES));
        env.put("WEFT_CP_MEMBERS", "3");
        env.put("WEFT_BASE_PORT", String.valueOf(basePort));
        env.put("WEFT_BASE_METRICS_PORT", String.valueOf(baseMetricsPort));
        env.put("WEFT_HTTP_PORT", String.valueOf(httpPort));
        env.put("WEFT_ADMIN_KEY", adminKey);
        env.put("WEFT_CLASSPATH", System.getProperty("java.class.path"));
        // Small heaps and the quick compiler: four JVMs share two cores with the build. A member that
        // leaves after another crashed waits for a CP quorum it cannot get (docs/operations.md), so
        // its graceful shutdown is cut short.
        env.put("WEFT_JAVA_OPTS", "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + " -Dhazelcast.graceful.shutdown.max.wait=10"
                // This classpath holds the tests' logback-test.xml; the processes log as a deployment does.
                + " -Dlogback.configurationFile=logback.xml");
        env.put("WEFT_UP_TIMEOUT", String.valueOf(UP_SECONDS - 20));
        env.put("WEFT_STOP_TIMEOUT", "45");
        env.put("WEFT_MAX_LIFETIME", String.valueOf(WATCHDOG_SECONDS));
        env.put("WEFT_GRACE_PERIOD", "PT2S");
        env.putAll(extraEnv);
    }

    /**
     * Starts the cluster and returns once every process is ready; stops what started if it fails.
     * Its logs and pid files go to a folder of its own under {@code logRoot}, never one a previous
     * run left behind (the script would take a stale pid file for a running process).
     */
    public static LocalCluster up(Path root, Path logRoot, Map<String, String> extraEnv) throws IOException {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Path logDir = Files.createDirectories(logRoot.resolve(name));
        LocalCluster cluster = new LocalCluster(root, logDir, name, extraEnv);
        try {
            cluster.run(UP_SECONDS, "up");
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String gateway() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String nodeEndpoint(int node) {
        return "http://127.0.0.1:" + (baseMetricsPort + node - 1);
    }

    public String adminKey() {
        return adminKey;
    }

    public Path logDir() {
        return logDir;
    }

    /** SIGKILLs node {@code node} (1-based), as a crash would. */
    public void kill(int node) throws IOException {
        run(30, "kill", String.valueOf(node));
    }

    /** SIGKILLs every node at once, as a power cut would; the gateway stays. */
    public void killAllNodes() throws IOException {
        run(30, "kill", "all");
    }

    /** Starts again whatever is not running, and returns once it is ready. */
    public void upAgain() throws IOException {
        run(UP_SECONDS, "up");
    }

    /** Stops the whole cluster gracefully (the gateway, then each node), as an operator would. */
    public void down() throws IOException {
        run(DOWN_SECONDS, "down");
    }

    public String status() throws IOException {
        run(30, "status");
        return Files.readString(logDir.resolve("script.out"));
    }

    @Override
    public void close() {
        try {
            run(DOWN_SECONDS, "down");
        } catch (IOException | RuntimeException e) {
            System.err.println("weft-cluster down failed (" + e.getMessage() + "); killing what is left");
        }
        killLeftovers();
    }

    private void run(long seconds, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDir.resolve("script.out").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("weft-cluster " + String.join(" ", args) + " did not end within "
                        + seconds + " s; see " + logDir);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("weft-cluster " + String.join(" ", args) + " exited with "
                    + process.exitValue() + ": " + Files.readString(logDir.resolve("script.out")));
        }
    }

    /** What the script could not stop: its JVMs and their watchdogs, by the pids it recorded. */
    private void killLeftovers() {
        try (Stream<Path> files = Files.list(logDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(file -> {
                pid(file).flatMap(ProcessHandle::of).ifPresent(process -> {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                });
            });
        } catch (IOException e) {
            System.err.println("cannot list " + logDir + ": " + e.getMessage());
        }
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first of {@code count} consecutive free ports, from a random start, so parallel runs rarely meet. */
    private static int freeRange(int from, int to, int count) {
        int span = to - from - count;
        int start = from + ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int base = from + (start - from + i) % span;
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                free = isFree(p);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " free ports between " + from + " and " + to);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
