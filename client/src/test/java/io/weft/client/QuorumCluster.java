package io.weft.client;

import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Weft nodes in the test JVM on 127.0.0.1, each on a free port of its own and all listed as each
 * other's members, so the quorum is a majority of them (2 of 3); a unique cluster name, metrics off.
 * Close it to kill every node still running.
 */
final class QuorumCluster implements AutoCloseable {

    private final List<WeftNode> nodes = new ArrayList<>();

    private QuorumCluster() {
    }

    static QuorumCluster start(String prefix, int size, Map<String, Integer> slots,
                               UnaryOperator<NodeSettings.Builder> tuning) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = freePorts(size);
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        QuorumCluster cluster = new QuorumCluster();
        // A member waits in its start until a quorum has joined: the nodes start together.
        List<CompletableFuture<WeftNode>> starting = new ArrayList<>();
        for (int port : ports) {
            NodeSettings settings = tuning.apply(NodeSettings.builder().clusterName(name).port(port).members(members)
                    .metricsPort(0).slots(slots).sweepInterval(Duration.ofSeconds(1))
                    .gracePeriod(Duration.ofSeconds(5))).build();
            starting.add(CompletableFuture.supplyAsync(() -> WeftNode.start(settings), Executors.newSingleThreadExecutor()));
        }
        try {
            for (CompletableFuture<WeftNode> node : starting) {
                cluster.nodes.add(node.get(120, TimeUnit.SECONDS));
            }
            cluster.awaitSafe(Duration.ofSeconds(60));
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            starting.forEach(f -> f.thenAccept(WeftNode::terminate));
            cluster.close();
            throw new IllegalStateException("the cluster did not start", e);
        }
        return cluster;
    }

    WeftNode node(int index) {
        return nodes.get(index);
    }

    List<WeftNode> nodes() {
        return nodes;
    }

    void awaitSafe(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!nodes.get(0).hazelcast().getPartitionService().isClusterSafe()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster not safe after " + limit);
            }
            sleep(20);
        }
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The port is free again either way.
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
