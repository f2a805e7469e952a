package io.weft.client;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.cluster.impl.ClusterServiceImpl;
import com.hazelcast.internal.nio.ConnectionListener;
import com.hazelcast.internal.server.ServerConnection;
import com.hazelcast.internal.server.ServerConnectionManager;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Cuts members in one JVM apart as a network split would, the way Hazelcast's own split-brain tests
 * do: each side suspects the other's members (so they leave each other's member lists at once), and
 * a firewall on every member closes each connection to the other side as soon as it is made, until
 * {@link #heal()}. Then the members' split-brain handlers find each other and merge.
 */
final class NetworkSplit {

    private final Set<Address> blocked = ConcurrentHashMap.newKeySet();
    private final Set<Node> firewalled = ConcurrentHashMap.newKeySet();

    /** Cuts {@code lone} off from {@code others}. */
    void isolate(HazelcastInstance lone, List<HazelcastInstance> others) {
        Node alone = node(lone);
        List<Node> rest = others.stream().map(NetworkSplit::node).toList();
        blocked.add(alone.getThisAddress());
        rest.forEach(n -> blocked.add(n.getThisAddress()));
        firewall(alone, rest.stream().map(Node::getThisAddress).collect(Collectors.toSet()));
        rest.forEach(n -> firewall(n, Set.of(alone.getThisAddress())));
        for (Node other : rest) {
            closeConnections(alone, other.getThisAddress());
            closeConnections(other, alone.getThisAddress());
        }
        for (Node other : rest) {
            suspect(other, alone.getThisAddress());
            suspect(alone, other.getThisAddress());
        }
    }

    /** Lets the members talk again. */
    void heal() {
        blocked.clear();
    }

    private void firewall(Node node, Set<Address> otherSide) {
        if (!firewalled.add(node)) {
            return;
        }
        ServerConnectionManager connections = node.getServer().getConnectionManager(EndpointQualifier.MEMBER);
        Address self = node.getThisAddress();
        connections.addConnectionListener(new ConnectionListener<>() {
            @Override
            public void connectionAdded(ServerConnection connection) {
                Address remote = connection.getRemoteAddress();
                if (remote != null && blocked.contains(self) && blocked.contains(remote) && otherSide.contains(remote)) {
                    connection.close("network split (test)", null);
                }
            }

            @Override
            public void connectionRemoved(ServerConnection connection) {
                // Nothing to do.
            }
        });
    }

    private static void closeConnections(Node node, Address remote) {
        ServerConnectionManager connections = node.getServer().getConnectionManager(EndpointQualifier.MEMBER);
        for (ServerConnection connection : connections.getAllConnections(remote)) {
            connection.close("network split (test)", null);
        }
    }

    /** {@code node} suspects the member at {@code address}, as its own member list knows it. */
    private static void suspect(Node node, Address address) {
        ClusterServiceImpl cluster = node.getClusterService();
        Member member = cluster.getMember(address);
        if (member != null) {
            cluster.suspectMember(member, "network split (test)", true);
        }
    }

    private static Node node(HazelcastInstance hazelcast) {
        return ((HazelcastInstanceProxy) hazelcast).getOriginal().node;
    }
}
