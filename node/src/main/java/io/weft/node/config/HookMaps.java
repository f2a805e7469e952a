package io.weft.node.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import io.weft.model.grid.GridNames;
import java.time.Duration;

/** The maps of hooks and their deliveries, with the indexes the delivery sweep and the listings need. */
final class HookMaps {

    /** A delivery is kept this long after its last change, then expires: an audit trail, not an archive. */
    static final Duration DELIVERY_RETENTION = Duration.ofDays(7);

    private HookMaps() {
    }

    static void addTo(Config config, int backupCount) {
        config.addMapConfig(new MapConfig(GridNames.HOOKS).setBackupCount(backupCount));
        MapConfig deliveries = new MapConfig(GridNames.HOOK_DELIVERIES).setBackupCount(backupCount)
                .setTimeToLiveSeconds((int) DELIVERY_RETENTION.toSeconds());
        // Every sweep asks each member's partitions for PENDING deliveries due by now.
        deliveries.addIndexConfig(new IndexConfig(IndexType.HASH, "state"));
        deliveries.addIndexConfig(new IndexConfig(IndexType.SORTED, "dueAtMs"));
        // A hook's deliveries are listed, and removed with it, by this index.
        deliveries.addIndexConfig(new IndexConfig(IndexType.HASH, "hookId"));
        config.addMapConfig(deliveries);
    }
}
