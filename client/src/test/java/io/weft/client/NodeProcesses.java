package io.weft.client;

import com.hazelcast.client.config.ClientConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Weft nodes as child JVMs (WeftNodeMain on this test's classpath) on 127.0.0.1, each on a free member
 * port and metrics port, all listed as members (quorum 2 of 3); a unique cluster name. They can be
 * paused and resumed as a long GC or a frozen VM would be (SIGSTOP, SIGCONT). Close it to kill them.
 */
final class NodeProcesses implements AutoCloseable {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final List<Integer> ports;
    private final List<Integer> metricsPorts;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private NodeProcesses(String name, List<Integer> ports, List<Integer> metricsPorts) {
        this.name = name;
        this.ports = ports;
        this.metricsPorts = metricsPorts;
    }

    static NodeProcesses start(String prefix, int size, Path logDir, Map<String, String> env) throws IOException {
        List<Integer> free = freePorts(2 * size);
        NodeProcesses nodes = new NodeProcesses(prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                free.subList(0, size), free.subList(size, 2 * size));
        Files.createDirectories(logDir);
        String members = String.join(",", nodes.ports.stream().map(p -> "127.0.0.1:" + p).toList());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < size; i++) {
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dhazelcast.phone.home.enabled=false",
                    "-Dhazelcast.local.localAddress=127.0.0.1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dorg.slf4j.simpleLogger.log.io.weft=info", "--add-modules", "java.se",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), "io.weft.node.WeftNodeMain");
            builder.environment().putAll(env);
            builder.environment().put("WEFT_CLUSTER_NAME", nodes.name);
            builder.environment().put("WEFT_PORT", String.valueOf(nodes.ports.get(i)));
            builder.environment().put("WEFT_MEMBERS", members);
            builder.environment().put("WEFT_METRICS_PORT", String.valueOf(nodes.metricsPorts.get(i)));
            File log = logDir.resolve("node-" + i + ".log").toFile();
            builder.redirectErrorStream(true).redirectOutput(log);
            nodes.processes.add(builder.start());
        }
        return nodes;
    }

    String name() {
        return name;
    }

    /** A Hazelcast client's configuration for these nodes. */
    ClientConfig clientConfig() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        ports.forEach(p -> config.getNetworkConfig().addAddress("127.0.0.1:" + p));
        return config;
    }

    /** The node's readiness: its HTTP status and JSON body, or status 0 when it does not answer. */
    Probe readiness(int index) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPorts.get(index) + "/health/readiness")).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Probe(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Probe(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(0, "interrupted");
        }
    }

    void pause(int index) {
        signal(index, "STOP");
    }

    void resume(int index) {
        signal(index, "CONT");
    }

    private void signal(int index, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(processes.get(index).pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Probe(int status, String body) {
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (process.isAlive()) {
                resume(i);
                process.destroyForcibly();
            }
        }
        for (Process process : processes) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
