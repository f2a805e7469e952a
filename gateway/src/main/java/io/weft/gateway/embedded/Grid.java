package io.weft.gateway.embedded;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import io.weft.client.WeftClient;
import io.weft.node.WeftNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cluster as the gateway reaches it: a {@link WeftClient} over either the embedded node of this
 * JVM or a Hazelcast client, and whether the cluster is reachable now.
 */
public final class Grid implements AutoCloseable {

    private final WeftClient client;
    private final WeftNode node;
    private final AtomicBoolean connected = new AtomicBoolean(true);

    Grid(WeftClient client, WeftNode node) {
        this.client = client;
        this.node = node;
        client.hazelcast().getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.CLIENT_CONNECTED) {
                connected.set(true);
            } else if (event.getState() == LifecycleState.CLIENT_DISCONNECTED
                    || event.getState() == LifecycleState.SHUTTING_DOWN) {
                connected.set(false);
            }
        });
    }

    public WeftClient client() {
        return client;
    }

    public HazelcastInstance hazelcast() {
        return client.hazelcast();
    }

    public boolean isEmbedded() {
        return node != null;
    }

    /** Ready: the instance runs and (for a client) is connected to the cluster. */
    public boolean isReady() {
        return client.hazelcast().getLifecycleService().isRunning() && connected.get();
    }

    @Override
    public void close() {
        connected.set(false);
        client.close();
        if (node != null) {
            node.shutdown();
        }
    }
}
