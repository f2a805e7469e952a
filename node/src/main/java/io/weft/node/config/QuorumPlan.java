package io.weft.node.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import io.weft.model.grid.GridNames;
import io.weft.node.merge.DeliveryMergePolicy;
import io.weft.node.merge.ResultMergePolicy;
import io.weft.node.merge.ScheduleMergePolicy;
import io.weft.node.merge.SessionMergePolicy;
import io.weft.node.merge.TaskMergePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How many members a side of the cluster needs to take writes, and what the member's config does with
 * it: split-brain protection on every Weft map (writes refused on a side smaller than the quorum), a
 * merge policy per map (Weft's data merges by its state order, not by Hazelcast's default), and a
 * merge that starts within seconds of the network healing.
 *
 * <p>The quorum is {@code WEFT_QUORUM} when set; else a majority of {@code WEFT_CP_MEMBERS} when that is
 * above 0; else a majority of the entries of {@code WEFT_MEMBERS}; 1 for a lone node (no protection).
 *
 * @param size            the fewest members a side needs to take writes
 * @param expectedMembers the members the cluster is configured to have
 */
public record QuorumPlan(int size, int expectedMembers) {

    /** The split-brain protection every Weft map names. */
    public static final String PROTECTION = "weft-quorum";
    /** Where the plan is kept in the member's config, for {@link #of(Config)}. */
    static final String SIZE_PROPERTY = "weft.quorum.size";
    static final String EXPECTED_PROPERTY = "weft.quorum.expected";
    /** Seconds after a member starts before it first looks for another side to merge with (Hazelcast: 300). */
    public static final int DEFAULT_MERGE_FIRST_RUN_SECONDS = 10;
    /** Seconds between later looks (Hazelcast: 120): a healed split merges within this, plus the merge itself. */
    public static final int DEFAULT_MERGE_NEXT_RUN_SECONDS = 10;
    static final String MERGE_FIRST_RUN = "hazelcast.merge.first.run.delay.seconds";
    static final String MERGE_NEXT_RUN = "hazelcast.merge.next.run.delay.seconds";
    static final String INITIAL_MIN_CLUSTER_SIZE = "hazelcast.initial.min.cluster.size";

    /** The maps whose values merge by their own state order; every other Weft map keeps the larger side's entry. */
    private static final Map<String, String> POLICIES = Map.of(
            GridNames.TASKS, TaskMergePolicy.class.getName(),
            GridNames.SESSIONS, SessionMergePolicy.class.getName(),
            GridNames.RESULTS, ResultMergePolicy.class.getName(),
            GridNames.SCHEDULES, ScheduleMergePolicy.class.getName(),
            GridNames.HOOK_DELIVERIES, DeliveryMergePolicy.class.getName());
    /** How long a lost partition's record is kept, and its ids answer 410 rather than 404. */
    public static final Duration LOST_RECORD_RETENTION = Duration.ofDays(7);
    /** Maps the gateway writes, which have no config of their own in the node. */
    private static final List<String> GATEWAY_MAPS = List.of(GridNames.KEYS, GridNames.SESSION_OWNERS, GridNames.RUN_SESSIONS);

    public QuorumPlan {
        if (size < 1) {
            throw new IllegalArgumentException("WEFT_QUORUM must be at least 1, got " + size);
        }
        if (expectedMembers < size) {
            expectedMembers = size;
        }
    }

    /** The plan {@code settings} call for. */
    public static QuorumPlan resolve(NodeSettings settings) {
        int expected = settings.cpMembers() > 0 ? settings.cpMembers() : Math.max(1, settings.members().size());
        int size = settings.quorum() != null ? settings.quorum() : expected / 2 + 1;
        return new QuorumPlan(size, Math.max(expected, 2 * size - 1));
    }

    /** The plan a member's config was built with; 1 for a config Weft did not build. */
    public static QuorumPlan of(Config config) {
        String size = config.getProperty(SIZE_PROPERTY);
        String expected = config.getProperty(EXPECTED_PROPERTY);
        return new QuorumPlan(size == null ? 1 : Integer.parseInt(size), expected == null ? 1 : Integer.parseInt(expected));
    }

    /** Protection, merge policies and merge delays on {@code config}'s Weft maps; call once they are all added. */
    public void applyTo(Config config, int backupCount) {
        config.setProperty(SIZE_PROPERTY, Integer.toString(size));
        config.setProperty(EXPECTED_PROPERTY, Integer.toString(expectedMembers));
        setIfAbsent(config, MERGE_FIRST_RUN, DEFAULT_MERGE_FIRST_RUN_SECONDS);
        setIfAbsent(config, MERGE_NEXT_RUN, DEFAULT_MERGE_NEXT_RUN_SECONDS);
        // A member that starts alone could write nothing (its maps are protected): it waits, in
        // Hazelcast's start, until a quorum of members has joined. Start a cluster's nodes together.
        setIfAbsent(config, INITIAL_MIN_CLUSTER_SIZE, size);
        // Hazelcast refuses a protection of fewer than 2 members: a lone node needs none.
        String protection = size >= 2 ? PROTECTION : null;
        if (protection != null) {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(PROTECTION, true, size)
                    .setProtectOn(SplitBrainProtectionOn.WRITE));
        }
        for (String name : GATEWAY_MAPS) {
            if (!config.getMapConfigs().containsKey(name)) {
                config.addMapConfig(new MapConfig(name).setBackupCount(backupCount));
            }
        }
        for (MapConfig map : config.getMapConfigs().values()) {
            if (map.getName().startsWith("weft.")) {
                map.setSplitBrainProtectionName(protection);
                map.setMergePolicyConfig(new MergePolicyConfig(
                        POLICIES.getOrDefault(map.getName(), PutIfAbsentMergePolicy.class.getName()),
                        MergePolicyConfig.DEFAULT_BATCH_SIZE));
            }
        }
        for (MultiMapConfig multiMap : config.getMultiMapConfigs().values()) {
            if (multiMap.getName().startsWith("weft.")) {
                multiMap.setSplitBrainProtectionName(protection);
            }
        }
    }

    private static void setIfAbsent(Config config, String property, int seconds) {
        if (config.getProperty(property) == null) {
            config.setProperty(property, Integer.toString(seconds));
        }
    }
}
