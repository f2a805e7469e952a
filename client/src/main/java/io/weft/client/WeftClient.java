package io.weft.client;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.grid.MemberDirectory;
import io.weft.model.serialization.WeftSerializers;
import java.time.Clock;
import java.util.List;

/**
 * The Java entry to Weft, one service per domain: {@link #sessions()}, {@link #tasks()},
 * {@link #results()}, {@link #events()}, {@link #schedules()}, {@link #logs()}, {@link #hooks()}, {@link #cluster()}. Works over a Hazelcast client ({@link #connect}) or inside a
 * member's JVM ({@link #embedded}); both see the same cluster the same way. Thread-safe.
 */
public final class WeftClient implements AutoCloseable {

    private final HazelcastInstance hazelcast;
    private final boolean ownsInstance;
    private final Sessions sessions;
    private final Tasks tasks;
    private final Results results;
    private final Events events;
    private final MemberDirectory members;
    private final Schedules schedules;
    private final Logs logs;
    private final ClusterAdmin cluster;
    private final Hooks hooks;
    private final LostData lost;

    private WeftClient(HazelcastInstance hazelcast, boolean ownsInstance, Clock clock) {
        this.hazelcast = hazelcast;
        this.ownsInstance = ownsInstance;
        this.sessions = new Sessions(hazelcast, clock);
        this.members = new MemberDirectory(hazelcast);
        this.tasks = new Tasks(hazelcast, sessions, members, clock);
        this.results = new Results(hazelcast, sessions, clock);
        this.events = new Events(hazelcast);
        this.schedules = new Schedules(hazelcast, sessions, members, clock);
        this.logs = new Logs(hazelcast);
        this.cluster = new ClusterAdmin(hazelcast, members);
        this.hooks = new Hooks(hazelcast, sessions, clock);
        this.lost = new LostData(hazelcast);
    }

    /** Connects as a Hazelcast client; Weft's serializers are added to {@code config}. */
    public static WeftClient connect(ClientConfig config) {
        WeftSerializers.register(config.getSerializationConfig(), List.of());
        return new WeftClient(HazelcastClient.newHazelcastClient(config), true, Clock.systemUTC());
    }

    /** Works through a member of this JVM (the gateway's embedded default, tests, benchmarks). */
    public static WeftClient embedded(HazelcastInstance member) {
        return embedded(member, Clock.systemUTC());
    }

    public static WeftClient embedded(HazelcastInstance member, Clock clock) {
        return new WeftClient(member, false, clock);
    }

    /** The partitions the cluster lost, and whether a missing id was lost with one. */
    public LostData lost() {
        return lost;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Tasks tasks() {
        return tasks;
    }

    public Results results() {
        return results;
    }

    public Events events() {
        return events;
    }

    /** Recurring tasks: cron or fixed-interval schedules of a task template into a session. */
    public Schedules schedules() {
        return schedules;
    }

    /** The log lines handlers wrote, per task, and as a stream per session. */
    public Logs logs() {
        return logs;
    }

    /** Webhooks on task and session events, and their deliveries. */
    public Hooks hooks() {
        return hooks;
    }

    /** The cluster's nodes and the task types each serves, kept locally up to date by events. */
    public MemberDirectory members() {
        return members;
    }

    /** The nodes with their load and state, and an operator's changes: drain a node, disable a type on one. */
    public ClusterAdmin cluster() {
        return cluster;
    }

    /** The Hazelcast instance underneath, for operators' tools. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** Stops listening; shuts the Hazelcast client down if {@link #connect} made it (never a member). */
    @Override
    public void close() {
        tasks.close();
        events.close();
        logs.close();
        members.close();
        if (ownsInstance) {
            hazelcast.shutdown();
        }
    }
}
