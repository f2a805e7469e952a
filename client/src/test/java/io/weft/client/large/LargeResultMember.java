package io.weft.client.large;

import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A Weft node in a JVM of its own, sized for the data it will hold. {@code args}: cluster name, the
 * file to write its port into once it is ready. It stops when its standard input closes, so it
 * never outlives the test that started it.
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
        WeftNode node = WeftNode.start(NodeSettings.builder().clusterName(args[0]).members(List.of("127.0.0.1"))
                .metricsPort(0).build());
        try {
            Path ready = Path.of(args[1]);
            Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(partial, String.valueOf(node.hazelcast().getCluster().getLocalMember().getAddress().getPort()));
            Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // Waits for the parent to close the pipe (or die).
            }
        } finally {
            node.terminate();
        }
    }
}
