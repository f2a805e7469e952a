package io.weft.client.large;

import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * A Weft node in a JVM of its own. {@code args}: cluster name, the file to write its port and member
 * id into once it is ready, and its role: {@code storage} (holds the data, sized for it, serves only
 * {@code echo}) or {@code compute} (a compute-only node that stores nothing and serves
 * {@code checksum}, so the bytes pass through its handler with a small heap). It stops when its
 * standard input closes, so it never outlives the test that started it.
 */
public final class LargeResultMember {

    private LargeResultMember() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws IOException {
        boolean compute = args[2].equals("compute");
        WeftNode node = WeftNode.start(NodeSettings.builder().clusterName(args[0]).members(List.of("127.0.0.1"))
                .metricsPort(0).dataMember(!compute).taskTypes(Set.of(compute ? "checksum" : "echo")).build());
        try {
            Path ready = Path.of(args[1]);
            Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(partial, node.hazelcast().getCluster().getLocalMember().getAddress().getPort() + " "
                    + node.memberId());
            Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // Waits for the parent to close the pipe (or die).
            }
        } finally {
            node.terminate();
        }
    }
}
