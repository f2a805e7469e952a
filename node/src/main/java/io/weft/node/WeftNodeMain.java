package io.weft.node;

import io.weft.node.config.NodeSettings;

/** {@code java -jar weft-node.jar}: starts a node from the {@code WEFT_*} environment; SIGTERM stops it gracefully. */
public final class WeftNodeMain {

    private WeftNodeMain() {
    }

    public static void main(String[] args) {
        NodeSettings settings;
        try {
            settings = NodeSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("weft-node: " + e.getMessage());
            System.exit(2);
            return;
        }
        WeftNode node = WeftNode.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(node::shutdown, "weft-shutdown"));
    }
}
