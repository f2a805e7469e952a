package io.weft.node.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import io.weft.model.grid.GridNames;

/** The maps of schedules and task logs, with the indexes their queries need. */
final class ScheduleAndLogMaps {

    private ScheduleAndLogMaps() {
    }

    static void addTo(Config config, int backupCount) {
        MapConfig schedules = new MapConfig(GridNames.SCHEDULES).setBackupCount(backupCount);
        // The firer asks every POLL_INTERVAL for ACTIVE schedules due by now, and for those with outcomes to count.
        schedules.addIndexConfig(new IndexConfig(IndexType.SORTED, "nextFireAt"));
        schedules.addIndexConfig(new IndexConfig(IndexType.SORTED, "pendingCount"));
        schedules.addIndexConfig(new IndexConfig(IndexType.HASH, "sessionId"));
        config.addMapConfig(schedules);
        MapConfig logs = new MapConfig(GridNames.TASK_LOGS).setBackupCount(backupCount);
        // A session's purge removes its tasks' logs by this index.
        logs.addIndexConfig(new IndexConfig(IndexType.HASH, "sessionId"));
        config.addMapConfig(logs);
    }
}
