package io.weft.node.registry;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.grid.GridNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster's directory of nodes and the task types each serves. Each node publishes its own
 * entry; the oldest member removes the entry of a member that leaves. Every node keeps a local copy,
 * updated by events, to route tasks of types it does not serve.
 */
public final class MemberRegistry implements MembershipListener {

    private final HazelcastInstance hazelcast;
    private final IMap<String, MemberInfo> members;
    private final Map<String, MemberInfo> known = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private UUID listener;

    public MemberRegistry(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.members = hazelcast.getMap(GridNames.MEMBERS);
    }

    public void start(MemberInfo self) {
        listener = members.addEntryListener(new Tracker(), true);
        members.set(self.memberId(), self);
        members.forEach(known::put);
        hazelcast.getCluster().addMembershipListener(this);
        dropDeparted();
    }

    /** Withdraws this node from the directory (drain, shutdown): others stop sending it tasks. */
    public void withdraw(String memberId) {
        if (listener != null) {
            members.removeEntryListener(listener);
        }
        members.delete(memberId);
    }

    public List<MemberInfo> all() {
        return List.copyOf(known.values());
    }

    /** A live member other than this one that serves {@code type}, chosen round-robin. */
    public Optional<Member> pickServer(String type) {
        String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        List<Member> servers = hazelcast.getCluster().getMembers().stream()
                .filter(m -> !m.getUuid().toString().equals(self))
                .filter(m -> {
                    MemberInfo info = known.get(m.getUuid().toString());
                    return info != null && info.serves(type).isPresent();
                })
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
        known.remove(event.getMember().getUuid().toString());
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
        Member oldest = hazelcast.getCluster().getMembers().iterator().next();
        return oldest.localMember();
    }

    private final class Tracker implements EntryAddedListener<String, MemberInfo>, EntryUpdatedListener<String, MemberInfo>,
            EntryRemovedListener<String, MemberInfo> {

        @Override
        public void entryAdded(EntryEvent<String, MemberInfo> event) {
            known.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, MemberInfo> event) {
            known.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, MemberInfo> event) {
            known.remove(event.getKey());
        }
    }
}
