package io.weft.client;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import io.weft.node.handler.TaskHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Real Weft nodes in the test JVM on 127.0.0.1, in a cluster of their own (a unique name per
 * instance), with metrics off. Close it to shut every node down.
 */
final class TestCluster implements AutoCloseable {

    private final String name;
    private final List<WeftNode> nodes = new ArrayList<>();
    private final Map<String, Integer> slots;
    private final List<TaskHandler> handlers;
    private final UnaryOperator<NodeSettings.Builder> tuning;

    private TestCluster(String prefix, Map<String, Integer> slots, List<TaskHandler> handlers,
                        UnaryOperator<NodeSettings.Builder> tuning) {
        this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.slots = slots;
        this.handlers = handlers;
        this.tuning = tuning;
    }

    static TestCluster of(String prefix, int size) {
        return of(prefix, size, Map.of());
    }

    static TestCluster of(String prefix, int size, Map<String, Integer> slots) {
        return withHandlers(prefix, size, slots, List.of());
    }

    /** Nodes that serve, besides the built-in types, {@code handlers}. */
    static TestCluster withHandlers(String prefix, int size, Map<String, Integer> slots, List<TaskHandler> handlers) {
        return start(new TestCluster(prefix, slots, handlers, UnaryOperator.identity()), size);
    }

    /** Nodes whose settings {@code tuning} changes over the test defaults (result limits, for example). */
    static TestCluster tuned(String prefix, int size, UnaryOperator<NodeSettings.Builder> tuning) {
        return tuned(prefix, size, List.of(), tuning);
    }

    /** Nodes that serve {@code handlers} too, with settings {@code tuning} changes (a fake clock, for example). */
    static TestCluster tuned(String prefix, int size, List<TaskHandler> handlers, UnaryOperator<NodeSettings.Builder> tuning) {
        return start(new TestCluster(prefix, Map.of(), handlers, tuning), size);
    }

    /**
     * Nodes whose sweep waits {@code sweepInterval} before its first pass: with a long one, only the
     * event path moves tasks, so a test sees what that path does.
     */
    static TestCluster of(String prefix, int size, Map<String, Integer> slots, Duration sweepInterval) {
        return start(new TestCluster(prefix, slots, List.of(), settings -> settings.sweepInterval(sweepInterval)), size);
    }

    private static TestCluster start(TestCluster cluster, int size) {
        for (int i = 0; i < size; i++) {
            cluster.addNode();
        }
        return cluster;
    }

    WeftNode addNode() {
        // Quorum 1, whatever the CP member count: these nodes start one after the other, and a quorum
        // of 2 would hold the first in its start until the second joined. QuorumCluster tests the quorum.
        NodeSettings settings = tuning.apply(NodeSettings.builder().clusterName(name).members(List.of("127.0.0.1"))
                .quorum(1).metricsPort(0).slots(slots).sweepInterval(Duration.ofSeconds(1)).gracePeriod(Duration.ofSeconds(5)))
                .build();
        WeftNode node = WeftNode.start(settings, handlers);
        nodes.add(node);
        awaitClusterSafe(node);
        return node;
    }

    /** Tests start their work once partitions have settled after a join, so they measure the steady state. */
    private static void awaitClusterSafe(WeftNode node) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!node.hazelcast().getPartitionService().isClusterSafe()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster not safe 60 s after a node joined");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    String name() {
        return name;
    }

    WeftNode node(int index) {
        return nodes.get(index);
    }

    List<WeftNode> nodes() {
        return nodes;
    }

    /** The grid's tasks map, read through the first node: what a refused call must leave alone. */
    IMap<String, Task> tasksMap() {
        return nodes.get(0).hazelcast().getMap(GridNames.TASKS);
    }

    WeftClient client() {
        return WeftClient.embedded(nodes.get(0).hazelcast());
    }

    /** A Hazelcast client's configuration for this cluster (first node's address, no discovery). */
    ClientConfig clientConfig() {
        InetSocketAddress address = nodes.get(0).hazelcast().getCluster().getLocalMember().getSocketAddress();
        ClientConfig config = new ClientConfig();
        config.setClusterName(name());
        config.getNetworkConfig().addAddress(address.getHostString() + ":" + address.getPort());
        return config;
    }

    @Override
    public void close() {
        for (WeftNode node : nodes) {
            if (node.hazelcast().getLifecycleService().isRunning()) {
                node.terminate();
            }
        }
    }
}
