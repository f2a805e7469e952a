package io.weft.bench;

import com.hazelcast.client.config.ClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Member JVMs on 127.0.0.1 as {@code bin/weft-cluster} runs them ({@code io.weft.node.WeftNodeMain},
 * configured through {@code WEFT_*}, CP member count 3), started from the benchmark's classpath on free
 * ports, in a cluster of their own. A member can be SIGKILLed and started again on its port. Each
 * member journals the starts of its {@code journaled-sleep} attempts to a file of its own
 * ({@link #startJournal(int)}), which outlives the member.
 */
final class LoopbackCluster implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofMinutes(4);

    private final String name = "bench-fo-" + UUID.randomUUID().toString().substring(0, 8);
    private final int size;
    private final int basePort;
    private final int baseMetricsPort;
    private final String slots;
    private final ChildJvm[] members;
    private final Path journals;

    private LoopbackCluster(int size, String slots) throws IOException {
        this.size = size;
        this.slots = slots;
        this.basePort = ChildJvm.freeRange(6101, 6300, size);
        this.baseMetricsPort = ChildJvm.freeRange(19301, 19500, size);
        this.members = new ChildJvm[size];
        this.journals = Files.createTempDirectory(name);
    }

    /** Starts {@code size} members serving {@code slots} ({@code type=n}) and waits until each is ready. */
    static LoopbackCluster start(int size, String slots) throws Exception {
        LoopbackCluster cluster = new LoopbackCluster(size, slots);
        try {
            for (int i = 0; i < size; i++) {
                cluster.members[i] = cluster.launch(i);
            }
            for (int i = 0; i < size; i++) {
                cluster.awaitReady(i);
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    int size() {
        return size;
    }

    /** The member port of member {@code i}. */
    int port(int i) {
        return basePort + i;
    }

    ClientConfig clientConfig() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.getNetworkConfig().setAddresses(addresses()).setSmartRouting(true);
        return config;
    }

    private List<String> addresses() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            addresses.add("127.0.0.1:" + port(i));
        }
        return addresses;
    }

    /** Where member {@code i} journals its {@link JournaledSleepHandler} starts ("task-id epoch-millis" lines). */
    Path startJournal(int i) {
        return journals.resolve("member-" + (i + 1) + ".starts");
    }

    /** SIGKILL member {@code i}: no shutdown hook, no goodbye to the cluster. */
    void kill(int i) throws InterruptedException {
        members[i].kill();
    }

    /** Starts member {@code i} again on its port and waits until it is ready. */
    void restart(int i) throws Exception {
        members[i] = launch(i);
        awaitReady(i);
    }

    private ChildJvm launch(int i) throws IOException {
        return ChildJvm.start("member-" + (i + 1), "768m", "io.weft.node.WeftNodeMain", Map.of(
                "WEFT_CLUSTER_NAME", name, "WEFT_PORT", String.valueOf(port(i)), "WEFT_MEMBERS", String.join(",", addresses()),
                "WEFT_CP_MEMBERS", String.valueOf(size), "WEFT_METRICS_PORT", String.valueOf(baseMetricsPort + i),
                "WEFT_SLOTS", slots, "WEFT_GRACE_PERIOD", "PT2S", JournaledSleepHandler.JOURNAL_ENV, startJournal(i).toString()),
                List.of());
    }

    private void awaitReady(int i) throws InterruptedException {
        members[i].awaitReady(URI.create("http://127.0.0.1:" + (baseMetricsPort + i) + "/health/readiness"), READY_LIMIT,
                "member " + (i + 1));
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (ChildJvm member : members) {
            if (member != null) {
                member.close();
            }
        }
        for (int i = 0; i < size; i++) {
            Files.deleteIfExists(startJournal(i));
        }
        Files.deleteIfExists(journals);
    }
}
