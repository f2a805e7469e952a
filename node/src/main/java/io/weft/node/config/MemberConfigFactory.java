package io.weft.node.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.weft.model.grid.GridNames;
import io.weft.model.serialization.WeftSerializers;
import io.weft.node.grid.SerializeValuesOnce;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds a member's {@link Config}: the YAML, then the settings over it, then Weft's maps. */
public final class MemberConfigFactory {

    public static final String PACKAGED_CONFIG = "weft/hazelcast.yaml";

    private MemberConfigFactory() {
    }

    public static Config create(NodeSettings settings, List<CompactSerializer<?>> nodeSerializers) {
        Config config = load(settings.configPath());
        config.setClusterName(settings.clusterName());
        config.getJetConfig().setEnabled(true);
        config.setLiteMember(!settings.dataMember());
        config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        if (!settings.members().isEmpty()) {
            join.getTcpIpConfig().setMembers(settings.members());
        }
        config.getCPSubsystemConfig().setCPMemberCount(settings.cpMembers());
        if (settings.cpMembers() > 0) {
            config.getCPSubsystemConfig().setGroupSize(cpGroupSize(settings.cpMembers()));
        }
        WeftSerializers.register(config.getSerializationConfig(), nodeSerializers);
        SerializeValuesOnce.installIn(config);
        addMaps(config, settings);
        // Split-brain protection, merge policies and merge delays over every Weft map added above.
        QuorumPlan.resolve(settings).applyTo(config, settings.backupCount());
        return config;
    }

    /** CP groups must be odd, 3 to 7 members, and no larger than the CP member count. */
    static int cpGroupSize(int cpMembers) {
        int capped = Math.min(cpMembers, 7);
        return capped % 2 == 0 ? capped - 1 : capped;
    }

    private static void addMaps(Config config, NodeSettings settings) {
        // No event journal: the scheduler job is told of due tasks by a filtered local listener
        // (DueTaskChanges), not by a journal that every change of every task would be written to.
        MapConfig tasks = new MapConfig(GridNames.TASKS).setBackupCount(settings.backupCount());
        // Every change of a task rewrites each index (Hazelcast removes and re-adds an entry even when
        // its indexed value did not change), and that was half of the partition threads' time in the
        // throughput benchmark: keep the indexes few. The sweep and the audits ask for the tasks of one
        // status that have not moved since some time, or fell due before it; the sorted (status,
        // statusTime) index answers those with the matches only, whatever the queue's length, and its
        // first component alone answers "status = X" (Hazelcast matches a sorted composite index by its
        // first component), so status needs no index of its own. statusTime: see TaskSerializer.
        tasks.addIndexConfig(new IndexConfig(IndexType.SORTED, "status", "statusTime"));
        tasks.addIndexConfig(new IndexConfig(IndexType.HASH, "sessionId"));
        config.addMapConfig(tasks);
        // A task's subtasks are found here rather than by an index on the tasks map, which every task
        // would pay for at each of its changes: only subtasks have a link, written once.
        MapConfig subtasks = new MapConfig(GridNames.SUBTASKS).setBackupCount(settings.backupCount());
        subtasks.addIndexConfig(new IndexConfig(IndexType.HASH, "parentId"));
        subtasks.addIndexConfig(new IndexConfig(IndexType.HASH, "sessionId"));
        config.addMapConfig(subtasks);
        config.addMapConfig(new MapConfig(GridNames.INPUTS).setBackupCount(settings.backupCount()));
        config.addMultiMapConfig(new MultiMapConfig(GridNames.DEPENDENTS).setBackupCount(settings.backupCount())
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig(GridNames.SESSIONS).setBackupCount(settings.backupCount()));
        MapConfig results = new MapConfig(GridNames.RESULTS).setBackupCount(settings.backupCount());
        // A session's quota sums its results' sizes at the start and end of every upload; purging a
        // session finds its results by the same index.
        results.addIndexConfig(new IndexConfig(IndexType.HASH, "sessionId"));
        config.addMapConfig(results);
        config.addMapConfig(new MapConfig(GridNames.SESSION_COUNTS).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(GridNames.SESSION_WRITTEN_BYTES).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(GridNames.CHUNKS).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(GridNames.MEMBERS).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(GridNames.SETTINGS).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(GridNames.LOST_PARTITIONS).setBackupCount(settings.backupCount())
                .setTimeToLiveSeconds((int) QuorumPlan.LOST_RECORD_RETENTION.toSeconds()));
        ScheduleAndLogMaps.addTo(config, settings.backupCount());
        HookMaps.addTo(config, settings.backupCount());
    }

    private static Config load(String path) {
        try (InputStream in = path == null ? packaged() : new FileInputStream(path)) {
            return new YamlConfigBuilder(in).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the member configuration " + (path == null ? PACKAGED_CONFIG : path), e);
        }
    }

    private static InputStream packaged() {
        InputStream in = MemberConfigFactory.class.getClassLoader().getResourceAsStream(PACKAGED_CONFIG);
        if (in == null) {
            throw new IllegalStateException(PACKAGED_CONFIG + " is missing from the classpath");
        }
        return in;
    }
}
