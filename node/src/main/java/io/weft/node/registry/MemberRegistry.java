package io.weft.node.registry;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.MemberDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's place in the cluster's directory of nodes and the task types each serves. Each node
 * publishes its own entry; the oldest member removes the entry of a member that leaves. Routing
 * reads the local copy that {@link MemberDirectory} keeps.
 */
public final class MemberRegistry implements MembershipListener {

    private final HazelcastInstance hazelcast;
    private final IMap<String, MemberInfo> members;
    private final AtomicInteger roundRobin = new AtomicInteger();
    private MemberDirectory directory;
    private boolean withdrawn;

    public MemberRegistry(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.members = hazelcast.getMap(GridNames.MEMBERS);
    }

    public void start(MemberInfo self) {
        members.set(self.memberId(), self);
        directory = new MemberDirectory(hazelcast);
        hazelcast.getCluster().addMembershipListener(this);
        dropDeparted();
    }

    /**
     * Replaces this node's entry (load, state, served types changed). After {@link #withdraw} it does
     * nothing, so a refresh racing a shutdown cannot put the leaving node back.
     */
    public synchronized void publish(MemberInfo self) {
        if (!withdrawn) {
            members.set(self.memberId(), self);
        }
    }

    /** Withdraws this node from the directory (shutdown): others stop sending it tasks. */
    public synchronized void withdraw(String memberId) {
        withdrawn = true;
        if (directory != null) {
            directory.close();
        }
        members.delete(memberId);
    }

    public List<MemberInfo> all() {
        return directory.all();
    }

    /** Whether {@code member} said it serves {@code type}. */
    public boolean serves(Member member, String type) {
        return directory.get(member.getUuid().toString()).flatMap(info -> info.serves(type)).isPresent();
    }

    /** Every task type some node serves. */
    public Set<String> servedTypes() {
        return directory.servedTypes();
    }

    /** A live member other than this one that serves {@code type}, chosen round-robin. */
    public Optional<Member> pickServer(String type) {
        List<Member> servers = hazelcast.getCluster().getMembers().stream()
                .filter(m -> !m.localMember())
                .filter(m -> serves(m, type))
                .toList();
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(servers.get(Math.floorMod(roundRobin.getAndIncrement(), servers.size())));
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // A new node publishes its own entry.
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        if (isOldest()) {
            members.deleteAsync(event.getMember().getUuid().toString());
        }
    }

    private void dropDeparted() {
        if (!isOldest()) {
            return;
        }
        Set<String> live = new HashSet<>();
        hazelcast.getCluster().getMembers().forEach(m -> live.add(m.getUuid().toString()));
        for (String id : members.keySet()) {
            if (!live.contains(id)) {
                members.delete(id);
            }
        }
    }

    private boolean isOldest() {
        return hazelcast.getCluster().getMembers().iterator().next().localMember();
    }
}
