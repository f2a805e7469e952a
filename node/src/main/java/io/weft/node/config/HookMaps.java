package io.weft.node.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import io.weft.model.grid.GridNames;
import io.weft.model.hook.HookDelivery;

/** The maps of hooks and their deliveries, with the indexes the delivery sweep and the listings need. */
final class HookMaps {

    private HookMaps() {
    }

    static void addTo(Config config, int backupCount) {
        config.addMapConfig(new MapConfig(GridNames.HOOKS).setBackupCount(backupCount));
        MapConfig deliveries = new MapConfig(GridNames.HOOK_DELIVERIES).setBackupCount(backupCount)
                .setTimeToLiveSeconds((int) HookDelivery.RETENTION.toSeconds());
        // Every sweep asks each member's partitions for PENDING deliveries due by now.
        deliveries.addIndexConfig(new IndexConfig(IndexType.HASH, "state"));
        deliveries.addIndexConfig(new IndexConfig(IndexType.SORTED, "dueAtMs"));
        // A hook's deliveries are listed, and removed with it, by this index.
        deliveries.addIndexConfig(new IndexConfig(IndexType.HASH, "hookId"));
        config.addMapConfig(deliveries);
    }
}
