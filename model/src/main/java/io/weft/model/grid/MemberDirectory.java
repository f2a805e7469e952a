package io.weft.model.grid;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.weft.model.cluster.MemberInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local copy of the cluster's directory of nodes ({@link GridNames#MEMBERS}), kept up to date by
 * the map's events, so that routing a task or checking a submitted type costs no grid call. Nodes,
 * clients and gateways all read the directory through it. Map events missed while a client was
 * disconnected are caught up by reading the directory again after every membership change.
 */
public final class MemberDirectory implements AutoCloseable {

    private static final long RELOAD_DELAY_MILLIS = 1_000;

    private final IMap<String, MemberInfo> members;
    private final Map<String, MemberInfo> known = new ConcurrentHashMap<>();
    private final UUID listener;
    private final UUID membershipListener;
    private final HazelcastInstance hazelcast;
    private final ScheduledExecutorService reloads = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-member-directory");
        thread.setDaemon(true);
        return thread;
    });

    public MemberDirectory(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.members = hazelcast.getMap(GridNames.MEMBERS);
        // Listen first, then load: a change made in between is seen at least once.
        this.listener = members.addEntryListener(new Tracker(), true);
        this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberAdded(MembershipEvent event) {
                reloadSoon();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                known.remove(event.getMember().getUuid().toString());
                reloadSoon();
            }
        });
        reload();
    }

    /** Reads the whole directory again; for a caller that suspects it missed an event (a reconnect). */
    public void reload() {
        Map<String, MemberInfo> fresh = new HashMap<>();
        members.entrySet().forEach(e -> fresh.put(e.getKey(), e.getValue()));
        known.keySet().retainAll(fresh.keySet());
        known.putAll(fresh);
    }

    /** After a membership change, once the joiner has had time to publish its entry. */
    private void reloadSoon() {
        try {
            reloads.schedule(() -> {
                try {
                    reload();
                } catch (RuntimeException e) {
                    // The cluster is away or changing again; the next change reloads.
                }
            }, RELOAD_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed: nothing to keep up to date.
        }
    }

    public List<MemberInfo> all() {
        return List.copyOf(known.values());
    }

    public Optional<MemberInfo> get(String memberId) {
        return Optional.ofNullable(known.get(memberId));
    }

    /** The names of every task type some node serves. */
    public Set<String> servedTypes() {
        Set<String> types = new TreeSet<>();
        known.values().forEach(m -> m.served().forEach(s -> types.add(s.type().name())));
        return types;
    }

    @Override
    public void close() {
        reloads.shutdownNow();
        hazelcast.getCluster().removeMembershipListener(membershipListener);
        members.removeEntryListener(listener);
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
